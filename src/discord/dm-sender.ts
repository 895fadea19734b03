import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { DiscordCodes } from './respond.js';
import type { DmResult, DmSender, DmView } from '../scheduler/ports.js';
import { flowIds } from './custom-id.js';
import { PLAIN, renderView, withImage, type MessagePayload } from './render.js';

export type { DmResult } from '../scheduler/ports.js';


/**
 * DMs over discord.js's REST client alone, so the scheduler can run with or without a gateway
 * connection. discord.js waits out 429s and retries 5xx itself; what is left is classified here.
 */
export class RestDmSender implements DmSender<MessagePayload> {
  constructor(private readonly rest: REST) {}

  /** A daily-DM view as Discord messages, its buttons carrying the same custom ids the flow's handler reads. */
  render(owner: string, dm: DmView): MessagePayload[] {
    const buttons = dm.buttons;
    const opts = buttons ? flowIds(buttons.flow).options(owner, buttons.ref) : PLAIN;
    const [first, ...rest] = renderView(dm.view, opts);
    if (!first) return [];
    return [dm.image ? withImage(first, dm.image.name, dm.image.data) : first, ...rest];
  }

  async send(to: { userId: string; channelId: string | null }, payload: MessagePayload, nonce: string): Promise<DmResult> {
    try {
      const channelId = to.channelId ?? ((await this.rest.post(Routes.userChannels(), { body: { recipient_id: to.userId } })) as { id: string }).id;
      const { files, ...body } = payload;
      const message = (await this.rest.post(Routes.channelMessages(channelId), {
        body: {
          ...body,
          nonce,
          enforce_nonce: true,
          allowed_mentions: { parse: [] },
          ...(files?.length ? { attachments: files.map((f, id) => ({ id, filename: f.name })) } : {}),
        },
        ...(files?.length ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: 'image/png' })) } : {}),
      })) as { id: string };
      return { ok: true, messageId: message.id, channelId };
    } catch (error) {
      return classify(error);
    }
  }
}

export function classify(error: unknown): Exclude<DmResult, { ok: true }> {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof DiscordAPIError) {
    if (error.code === DiscordCodes.cannotMessageUser) return { ok: false, kind: 'blocked', error: text };
    if (error.status >= 500 || error.status === 429) return { ok: false, kind: 'retry', error: text };
    return { ok: false, kind: 'fatal', error: text };
  }
  if (error instanceof HTTPError) return error.status >= 500 ? { ok: false, kind: 'retry', error: text } : { ok: false, kind: 'fatal', error: text };
  // Timeouts, resets and rate-limit rejections are worth another try inside the window.
  if (error instanceof RateLimitError) return { ok: false, kind: 'retry', error: text };
  return { ok: false, kind: 'retry', error: text };
}
