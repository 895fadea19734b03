import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import type { CustomId, Flow } from '../custom-id.js';
import { notice, type AnyComponent } from '../respond.js';

/**
 * One slash command: its registration payload, its handler, (optionally) its autocomplete, the
 * line `/help` shows for it, and the component flows its messages carry. The router is built from
 * this list, so a command and its buttons are registered in one place.
 */
export interface BotCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** What `/help` says about the command (markdown, one line). */
  help: string;
  execute(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void>;
  autocomplete?(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void>;
  components?: readonly ComponentFlow[];
}

/** A pressed button, chosen select or submitted modal, after the router's id and ownership checks. */
export interface ComponentInput {
  id: CustomId;
  values: string[];
  fields?: Record<string, string> | undefined;
}

/** Returned by a flow's `parse` when the input cannot be used: said privately, nothing changes. */
export interface Unusable {
  unusable: string;
}

export const NOT_IN_USE = "That button is no longer in use, so nothing was changed. Run the command again for the current screen.";

/** One component flow as the router sees it. Build it with `componentFlow()`. */
export interface ComponentFlow {
  readonly flow: Flow;
  handle(ctx: BotContext, interaction: AnyComponent, input: ComponentInput): Promise<void>;
}

/**
 * A flow as a parse/run pair (Sapphire's interaction-handler split): `parse` turns the raw input
 * into what `run` needs, or says why it cannot be used; `run` does the work and answers.
 */
export function componentFlow<Parsed>(
  flow: Flow,
  parse: (input: ComponentInput) => Parsed | Unusable,
  run: (ctx: BotContext, interaction: AnyComponent, parsed: Parsed) => Promise<void>,
): ComponentFlow {
  return {
    flow,
    async handle(ctx, interaction, input) {
      const parsed = parse(input);
      if (isUnusable(parsed)) {
        await notice(interaction, parsed.unusable);
        return;
      }
      await run(ctx, interaction, parsed);
    },
  };
}

function isUnusable(value: unknown): value is Unusable {
  return typeof value === 'object' && value !== null && 'unusable' in value && typeof value.unusable === 'string';
}

/** A parser for flows whose components are a fixed set of names. */
export function namedIn<const Name extends string>(names: readonly Name[]): (input: ComponentInput) => { owner: string; name: Name; values: string[] } | Unusable {
  return (input) => {
    const name = names.find((n) => n === input.id.name);
    return name ? { owner: input.id.owner, name, values: input.values } : { unusable: NOT_IN_USE };
  };
}

const name = z.string().regex(/^[-_a-z0-9]{1,32}$/, 'names are 1-32 lower-case letters, digits, - or _');
const description = z.string().min(1).max(100);

const optionSchema: z.ZodType = z.lazy(() =>
  z
    .object({
      type: z.number().int().min(1).max(11),
      name,
      description,
      required: z.boolean().optional(),
      autocomplete: z.boolean().optional(),
      choices: z.array(z.object({ name: z.string().min(1).max(100), value: z.union([z.string().max(100), z.number()]) })).max(25).optional(),
      options: z.array(optionSchema).max(25).optional(),
      min_value: z.number().optional(),
      max_value: z.number().optional(),
      min_length: z.number().optional(),
      max_length: z.number().optional(),
      channel_types: z.array(z.number()).optional(),
    })
    .loose(),
);

/** Discord's documented limits for a chat-input command; checked at start-up and in tests. */
export const commandDataSchema = z
  .object({
    name,
    description,
    options: z.array(optionSchema).max(25).optional(),
  })
  .loose()
  .refine((c) => JSON.stringify(c).length < 8000, 'the whole command must stay under 8000 characters');
