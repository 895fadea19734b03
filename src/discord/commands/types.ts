import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';

/** One slash command: its registration payload, its handler and (optionally) its autocomplete. */
export interface BotCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void>;
  autocomplete?(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void>;
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
