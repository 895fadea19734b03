import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { PATTERN_LABELS } from '../../content/ids.js';
import type { Library } from '../../content/library.js';
import type { Exercise } from '../../content/schema.js';
import { exerciseView } from '../../views/plan-view.js';
import { replyPayloads } from '../respond.js';
import { renderView, withImage, PLAIN } from '../render.js';
import type { BotCommand } from './types.js';

/** Autocomplete and look-up match names, ids, patterns and lay keywords, best matches first. */
export function searchExercises(library: Library, query: string, limit = 25): Exercise[] {
  const q = query.trim().toLowerCase();
  if (!q) return library.exercises.filter((e) => e.variantOf === undefined).slice(0, limit);
  const scored = library.exercises.flatMap((e) => {
    const name = e.name.toLowerCase();
    const haystack = [name, e.id, PATTERN_LABELS[e.pattern].toLowerCase(), ...e.keywords.map((k) => k.toLowerCase())];
    const score = name === q || e.id === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : haystack.some((h) => h.includes(q)) ? 3 : -1;
    return score < 0 ? [] : [{ e, score }];
  });
  return scored.sort((a, b) => a.score - b.score || a.e.name.localeCompare(b.e.name)).slice(0, limit).map((s) => s.e);
}

export const exercise: BotCommand = {
  help: 'How to do any exercise, with easier and harder versions',
  data: new SlashCommandBuilder()
    .setName('exercise')
    .setDescription('How to do an exercise: steps, cues, mistakes, what to do if it pinches, easier and harder versions')
    .addStringOption((o) => o.setName('name').setDescription('Start typing an exercise name').setRequired(true).setAutocomplete(true).setMaxLength(100))
    .toJSON(),
  async autocomplete(ctx, interaction) {
    const query = interaction.options.getFocused();
    await interaction.respond(searchExercises(ctx.library, query).map((e) => ({ name: `${e.name} (${PATTERN_LABELS[e.pattern]}, level ${e.level})`.slice(0, 100), value: e.id })));
  },
  async execute(ctx, interaction) {
    const query = interaction.options.getString('name', true);
    const found = ctx.library.exerciseById.get(query) ?? searchExercises(ctx.library, query, 1)[0];
    if (!found) {
      await interaction.reply({ content: `I could not find an exercise called "${query.slice(0, 80)}". Start typing and pick one from the list.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const payloads = renderView(exerciseView(found, ctx.library), PLAIN);
    const [first, ...rest] = payloads;
    // The figure goes under the exercise's text; a missing figure simply leaves the text alone.
    // Loaded on first use, like the charts, so start-up does not pay for the canvas.
    const { figureFor } = await import('../../figures/index.js');
    const figure = figureFor(found.id, { format: 'png' }, ctx.library);
    await replyPayloads(interaction, first && figure ? [withImage(first, figure.fileName, figure.bytes), ...rest] : payloads);
  },
};
