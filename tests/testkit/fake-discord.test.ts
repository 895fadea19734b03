// Self-test of the fake Discord with a REAL discord.js client. One client for the whole file:
// discord.js throttles identify (~5 s per client), so every test shares this login.

import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  Partials,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Failures, startFakeDiscord, type FakeDiscord, type FakeUser } from '../../testkit/fake-discord/index.js';

const TOKEN = 'fake.bot.token';

let fake: FakeDiscord;
let client: Client;
let alice: FakeUser;
let coach: FakeUser;

function nextInteraction(): Promise<Interaction> {
  return new Promise((resolve) => {
    client.once(Events.InteractionCreate, resolve);
  });
}

function nextMessage(): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (message: Message): void => {
      if (message.author.bot) return;
      client.off(Events.MessageCreate, listener);
      resolve(message);
    };
    client.on(Events.MessageCreate, listener);
  });
}

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  alice = fake.user('Alice');
  coach = fake.user('Coach Carol', { permissions: PermissionFlagsBits.ManageGuild });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.apiBase },
  });
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, () => {
      resolve();
    });
  });
  await client.login(TOKEN);
  await ready;
  await client.application?.commands.set([
    { name: 'ping', description: 'Ping the coach' },
    { name: 'intake', description: 'Start the intake' },
    { name: 'coach', description: 'Coach tools', options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'export', description: 'Export data' }] },
    {
      name: 'exercise',
      description: 'Look up an exercise',
      options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'Exercise', required: true, autocomplete: true }],
    },
  ]);
});

afterAll(async () => {
  // discord.js first, or it keeps reconnecting to a fake that is gone.
  await client.destroy();
  await fake.close();
});

describe('fake Discord with a real discord.js client', () => {
  it('logs in to clientReady with the guild, channels and bot member cached', () => {
    const guild = client.guilds.cache.get(fake.defaultGuild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('HipCoach Test');
    expect(guild?.channels.cache.get(fake.defaultGuild.textChannelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.me?.id).toBe(fake.bot.id);
    expect(guild?.roles.everyone.id).toBe(fake.defaultGuild.id);
    expect(client.user?.id).toBe(fake.bot.id);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(fake.requests({ method: 'GET', path: '/gateway/bot' })).toHaveLength(1);
    const put = fake.requests({ method: 'PUT', path: '/applications/:app/commands' });
    expect(put).toHaveLength(1);
    expect(put[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['ping', 'intake', 'coach', 'exercise']);
    expect(fake.registeredCommands()[0]?.id).toMatch(/^\d{17,19}$/);
  });

  it('delivers a guild slash command and records an ephemeral reply', async () => {
    const got = nextInteraction();
    const handle = await fake.slash(alice, 'ping', [], { guildId: fake.defaultGuild.id, channelId: fake.defaultGuild.textChannelId });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(interaction.commandName).toBe('ping');
    expect(interaction.commandId).toBe(fake.registeredCommands()[0]?.id);
    expect(interaction.inCachedGuild()).toBe(true);
    expect(interaction.user.id).toBe(alice.id);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(false);

    await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    expect(await handle.callback()).toMatchObject({ type: 4, data: { content: 'pong', flags: MessageFlags.Ephemeral } });
    const final = await handle.final();
    expect(final?.content).toBe('pong');
    expect(final?.flags).toBe(MessageFlags.Ephemeral);
    const callback = fake.requests({ method: 'POST', path: `/interactions/${handle.id}/${handle.token}/callback` });
    expect(callback.map((r) => r.status)).toEqual([204]);
    expect(callback[0]?.query.with_response).toBe('false');

    // A second acknowledgement is refused like Discord does.
    await expect(
      client.rest.post(Routes.interactionCallback(handle.id, handle.token), { body: { type: 4, data: { content: 'again' } }, auth: false }),
    ).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it('supports subcommands, admin permissions, multipart uploads and with_response', async () => {
    const got = nextInteraction();
    const handle = await fake.slash(coach, 'coach', [{ type: 1, name: 'export', options: [] }]);
    const interaction = await got;
    if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) throw new Error('expected a cached-guild command');
    expect(interaction.options.getSubcommand()).toBe('export');
    expect(interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(interaction.member.roles.cache.has(fake.defaultGuild.adminRoleId)).toBe(true);

    // Too long for Discord: rejected, and the interaction stays unacknowledged.
    await expect(interaction.reply({ content: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 50035 });

    const response = await interaction.reply({
      content: 'Your export',
      files: [new AttachmentBuilder(Buffer.from('week,pain\n1,4\n'), { name: 'export.csv' })],
      withResponse: true,
    });
    expect(response.resource?.message?.attachments.first()?.name).toBe('export.csv');
    const callback = await handle.callback();
    expect(callback.files.map((f) => [f.filename, f.size, f.bytes.toString()])).toEqual([['export.csv', 14, 'week,pain\n1,4\n']]);
    const recorded = fake.requests({ method: 'POST', path: `/interactions/${handle.id}/${handle.token}/callback` }).at(-1);
    expect(recorded?.status).toBe(200);
    expect(recorded?.json).toMatchObject({ type: 4, data: { content: 'Your export' } });
    expect((await handle.final())?.attachments[0]?.filename).toBe('export.csv');
  });

  it('applies editReply after deferReply to @original (in a DM)', async () => {
    const got = nextInteraction();
    const handle = await fake.slash(alice, 'ping', [], { dm: true });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(interaction.guildId).toBeNull();
    expect(interaction.channel?.type).toBe(ChannelType.DM);
    expect(interaction.context).toBe(1);

    await interaction.deferReply();
    expect((await handle.callback()).type).toBe(5);
    expect(handle.original()?.flags).toBe(MessageFlags.Loading);
    await interaction.editReply('Here is your plan');
    const final = await handle.final();
    expect(final?.content).toBe('Here is your plan');
    expect(final?.flags).toBe(0);
    expect(handle.editCount()).toBe(1);
    await fake.waitForRequest({ method: 'PATCH', path: `/webhooks/${fake.applicationId}/${handle.token}/messages/@original` });
    await interaction.followUp({ content: 'One more thing', flags: MessageFlags.Ephemeral });
    expect(handle.followUps().map((m) => m.content)).toEqual(['One more thing']);
  });

  it('delivers a button click and a select, and update() edits the message they are on', async () => {
    const got = nextInteraction();
    const handle = await fake.slash(alice, 'ping');
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    await interaction.reply({
      content: 'Page 1',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('plan:next').setLabel('Next').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('plan:off').setLabel('Off').setStyle(ButtonStyle.Secondary).setDisabled(true),
        ),
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId('plan:pick')
            .addOptions({ label: 'Easy', value: 'easy' }, { label: 'Hard', value: 'hard' }),
        ),
      ],
    });
    const shown = await handle.final();

    const gotClick = nextInteraction();
    const click = await fake.click(alice, 'plan:next');
    const button = await gotClick;
    if (!button.isButton()) throw new Error('expected a ButtonInteraction');
    expect(button.customId).toBe('plan:next');
    expect(button.message.id).toBe(shown?.id);
    await button.update({ content: 'Page 2' });
    expect((await click.callback()).type).toBe(7);
    expect((await click.final())?.content).toBe('Page 2');
    expect(fake.message(shown?.id ?? '')?.content).toBe('Page 2');

    await expect(fake.click(alice, 'plan:off')).rejects.toThrow(/disabled/);
    await expect(fake.click(alice, 'plan:nope')).rejects.toThrow(/no component with custom_id "plan:nope"/);
    await expect(fake.select(alice, 'plan:pick', ['medium'])).rejects.toThrow(/no option/);

    const gotSelect = nextInteraction();
    const select = await fake.select(alice, 'plan:pick', ['hard']);
    const menu = await gotSelect;
    if (!menu.isStringSelectMenu()) throw new Error('expected a StringSelectMenuInteraction');
    expect(menu.customId).toBe('plan:pick');
    expect(menu.values).toEqual(['hard']);
    expect(menu.message.content).toBe('Page 2');
    await menu.update({ content: 'Hard it is', components: [] });
    const final = await select.final();
    expect(final?.id).toBe(shown?.id);
    expect(final?.content).toBe('Hard it is');
    expect(final?.components).toEqual([]);
  });

  it('delivers a modal submit with the field values', async () => {
    const got = nextInteraction();
    const handle = await fake.slash(alice, 'intake');
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId('intake')
        .setTitle('Hip intake')
        .addLabelComponents(
          new LabelBuilder()
            .setLabel('Pain today (0-10)')
            .setTextInputComponent(new TextInputBuilder().setCustomId('pain').setStyle(TextInputStyle.Short)),
          new LabelBuilder()
            .setLabel('Goal')
            .setTextInputComponent(new TextInputBuilder().setCustomId('goal').setStyle(TextInputStyle.Paragraph).setRequired(false)),
        ),
    );
    expect((await handle.callback()).type).toBe(9);
    expect(handle.modal()?.title).toBe('Hip intake');

    await expect(fake.submitModal(alice, 'intake', { goal: 'walk' })).rejects.toThrow(/"pain" is required/);
    await expect(fake.submitModal(alice, 'intake', { pain: '4', mood: 'ok' })).rejects.toThrow(/no field\(s\) mood/);

    const gotSubmit = nextInteraction();
    const submit = await fake.submitModal(alice, 'intake', { pain: '4', goal: 'Walk the dog' });
    const modal = await gotSubmit;
    if (!modal.isModalSubmit()) throw new Error('expected a ModalSubmitInteraction');
    expect(modal.customId).toBe('intake');
    expect(modal.fields.getTextInputValue('pain')).toBe('4');
    expect(modal.fields.getTextInputValue('goal')).toBe('Walk the dog');
    await modal.reply({ content: 'Thanks!', flags: MessageFlags.Ephemeral });
    expect((await submit.final())?.content).toBe('Thanks!');
  });

  it('records an autocomplete respond()', async () => {
    const got = nextInteraction();
    const handle = await fake.autocomplete(alice, 'exercise', [{ name: 'name', type: 3, value: 'cla', focused: true }]);
    const interaction = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected an AutocompleteInteraction');
    expect(interaction.commandName).toBe('exercise');
    expect(interaction.options.getFocused()).toBe('cla');
    await interaction.respond([{ name: 'Clamshell', value: 'clamshell' }]);
    expect(await handle.callback()).toMatchObject({ type: 8, data: { choices: [{ name: 'Clamshell', value: 'clamshell' }] } });
    expect(handle.choices()).toHaveLength(1);
    expect(await handle.final()).toBeNull();
  });

  it('sends a DM, and a retry with the same nonce does not duplicate it', async () => {
    const user = await client.users.fetch(alice.id);
    const first = await user.send({ content: 'Morning check-in', nonce: 'checkin-day-1', enforceNonce: true });
    const again = await user.send({ content: 'Morning check-in', nonce: 'checkin-day-1', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(first.channel.type).toBe(ChannelType.DM);
    expect(first.channelId).toBe(fake.dmChannelId(alice));
    expect(fake.dmMessages(alice).filter((m) => m.content === 'Morning check-in')).toHaveLength(1);
    expect(fake.requests({ method: 'POST', path: `/channels/${first.channelId}/messages` }).length).toBeGreaterThanOrEqual(2);

    // And the person can answer in the DM.
    const incoming = nextMessage();
    const sent = fake.userMessage(alice, 'Pain is 3 today');
    const received = await incoming;
    expect(received.id).toBe(sent.id);
    expect(received.content).toBe('Pain is 3 today');
    expect(received.channel.type).toBe(ChannelType.DM);
    // The client has no GuildMessages intent, so Discord would not deliver a guild message.
    expect(() => fake.userMessage(alice, 'hello', { guildId: fake.defaultGuild.id })).toThrow(/GuildMessages/);
  });

  it('lets discord.js retry an injected 429 (and a 500) by itself', async () => {
    const dm = await (await client.users.fetch(alice.id)).createDM();
    const path = `/channels/${dm.id}/messages`;
    fake.failNext({ method: 'POST', path }, Failures.rateLimit(200));
    const started = Date.now();
    const message = await dm.send('after a 429');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(message.content).toBe('after a 429');
    expect(fake.requests({ method: 'POST', path }).slice(-2).map((r) => r.status)).toEqual([429, 200]);

    fake.failNext({ method: 'POST', path }, Failures.serverError());
    await dm.send('after a 500');
    expect(fake.requests({ method: 'POST', path }).slice(-2).map((r) => r.status)).toEqual([500, 200]);
    expect(fake.dmMessages(alice).map((m) => m.content)).toContain('after a 500');
  });

  it('surfaces 50007 on a DM send as DiscordAPIError', async () => {
    const user = await client.users.fetch(alice.id);
    fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, Failures.cannotDM());
    const error: unknown = await user.send('are you there?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50007, status: 403 });

    const bob = fake.user('Bob');
    fake.blockDMs(bob);
    await expect((await client.users.fetch(bob.id)).send('hi')).rejects.toMatchObject({ code: 50007 });
    expect(fake.dmMessages(bob)).toEqual([]);
  });

  it('answers 429 global beyond the global limit, and discord.js backs off', async () => {
    const dm = await (await client.users.fetch(alice.id)).createDM();
    const before = fake.stats();
    fake.setGlobalLimit(4);
    try {
      const sent = await Promise.all(Array.from({ length: 8 }, (_, n) => dm.send(`burst ${n}`)));
      expect(sent).toHaveLength(8);
    } finally {
      fake.setGlobalLimit(50);
    }
    const after = fake.stats();
    expect(after.globalRateLimited).toBeGreaterThan(before.globalRateLimited);
    expect(after.rateLimited).toBe(fake.rateLimitedCount);
    expect(fake.dmMessages(alice).filter((m) => m.content.startsWith('burst '))).toHaveLength(8);
  });

  it('starts a thread from a message, posts in it and takes slash commands there', async () => {
    const channel = client.channels.cache.get(fake.defaultGuild.textChannelId);
    if (!channel?.isSendable() || channel.type !== ChannelType.GuildText) throw new Error('expected a guild text channel');
    const created = new Promise<string>((resolve) => {
      client.once(Events.ThreadCreate, (thread) => {
        resolve(thread.id);
      });
    });
    const starter = await channel.send('Q&A: hip hinge');
    const thread = await starter.startThread({ name: 'Hip hinge Q&A' });
    expect(await created).toBe(thread.id);
    expect(thread.id).toBe(starter.id);
    expect(thread.type).toBe(ChannelType.PublicThread);
    await thread.send('Ask away');
    expect(fake.threads(channel.id).map((t) => t.name)).toEqual(['Hip hinge Q&A']);
    expect(fake.channelMessages(thread.id).map((m) => m.content)).toEqual(['Ask away']);

    const got = nextInteraction();
    const handle = await fake.slash(alice, 'ping', [], { channelId: thread.id });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(interaction.channel?.isThread()).toBe(true);
    await interaction.reply('pong in thread');
    expect((await handle.final())?.channel_id).toBe(thread.id);
  });

  it('resumes after op 7 Reconnect and keeps delivering interactions', async () => {
    const resumed = new Promise<void>((resolve) => {
      client.once(Events.ShardResume, () => {
        resolve();
      });
    });
    fake.requestReconnect();
    await resumed;
    expect(fake.stats().resumes).toBe(1);
    expect(fake.stats().identifies).toBe(1);

    const got = nextInteraction();
    const handle = await fake.slash(alice, 'ping');
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    await interaction.reply('still here');
    expect((await handle.callback()).data?.content).toBe('still here');
  });

  it('puts rate-limit headers on every answer and explains waitForRequest timeouts', async () => {
    const res = await fetch(`${fake.apiBase}/v10/users/@me`, { headers: { Authorization: `Bot ${TOKEN}` } });
    expect(res.status).toBe(200);
    for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after', 'x-ratelimit-bucket']) {
      expect(res.headers.get(header)).not.toBeNull();
    }
    const unauthorized = await fetch(`${fake.apiBase}/v10/users/@me`);
    expect(unauthorized.status).toBe(401);
    await expect(fake.waitForRequest({ path: '/never' }, 50)).rejects.toThrow(/no matching request within 50 ms\. Last \d+ request\(s\):\n[^]*GET \/users\/@me -> 401/);
  });
});
