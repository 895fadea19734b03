import { z } from 'zod';
import { describeZodError } from './coaching/assessment-answers.js';

/**
 * Environment, parsed once with zod. Each entry point asks only for what it needs, so the console
 * coach runs with no Discord token and the bot fails fast with one clear line when one is missing.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const baseEnvSchema = z.object({
  DATABASE_PATH: optionalText.transform((v) => v ?? './data/hipcoach.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pretend the clock reads this instant (ISO 8601). For demos and tests of day-to-day flows. */
  HIPCOACH_NOW: optionalText.pipe(z.iso.datetime({ offset: true, error: 'must be an ISO date-time such as 2026-11-28T08:00:00Z' }).optional()),
});
export type BaseConfig = z.output<typeof baseEnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(describeZodError(result.error));
  return result.data;
}

export function loadBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  return parseEnv(baseEnvSchema, env);
}

/** The clock an entry point should use: the real one, or HIPCOACH_NOW when set. */
export function clockFrom(config: BaseConfig): () => Date {
  const fixed = config.HIPCOACH_NOW;
  return fixed ? () => new Date(fixed) : () => new Date();
}

/** The LLM is optional: without OPENAI_API_KEY everything works on templates and retrieval. */
export const llmEnvShape = {
  OPENAI_API_KEY: optionalText,
  /** Any OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama. Default: OpenAI. */
  OPENAI_BASE_URL: optionalText.pipe(z.url({ error: 'must be a URL such as http://127.0.0.1:11434/v1' }).optional()),
  LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Per request; the whole answer must arrive within 15 s, or the template answer is used. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(14_000).default(10_000),
  /** Tokens per UTC day across everyone; past it, answers use templates until tomorrow. */
  LLM_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(200_000),
  /** Questions per person per hour (/ask and the Q&A channel together). */
  QA_QUESTIONS_PER_HOUR: z.coerce.number().int().min(1).max(100).default(6),
  QA_MAX_QUESTION_CHARS: z.coerce.number().int().min(50).max(2000).default(600),
  /** Domains an LLM answer may link to, comma-separated; empty: no links at all. */
  QA_LINK_ALLOWLIST: optionalText.transform((v) => (v ? v.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean) : [])),
} as const;
export type LlmConfig = z.output<z.ZodObject<typeof llmEnvShape>>;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17-20 digits (right-click the server > Copy Server ID)');

/** What `npm start` needs. Only DISCORD_TOKEN is required. */
export const botEnvSchema = baseEnvSchema.extend({
  // An empty DISCORD_TOKEN= (as in .env.example) counts as not set.
  DISCORD_TOKEN: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z
    .string({
      error: 'is not set. Put DISCORD_TOKEN=<your bot token> in .env (Discord Developer Portal > your application > Bot > Reset Token). See README, "Running the bot".',
    })
    .trim()
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, {
      error: 'does not look like a bot token (three parts separated by dots). Copy it again from Discord Developer Portal > your application > Bot > Reset Token.',
    })),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  /** A Discord-compatible API (proxy, or the tests' fake). Default: Discord itself. */
  DISCORD_API_BASE_URL: optionalText.pipe(z.url({ error: 'must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  /** How long shutdown waits for interactions in flight before closing anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** Run the daily DM scheduler in this process. Exactly one process may (see README, sharding). */
  SCHEDULER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(300).default(30),
  /** How late a missed daily DM may still be sent after downtime. */
  DM_WINDOW_HOURS: z.coerce.number().min(0.25).max(12).default(3),
  /**
   * Receive the text of every message in the Q&A channel (a privileged intent: switch it on in the
   * Developer Portal first). Off: people @mention HipCoach in the channel instead.
   */
  MESSAGE_CONTENT_INTENT: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  /**
   * Erase a person after this many days without any interaction (a DM notice goes out a week
   * before). Health data is special-category data: keep it no longer than it is used.
   */
  DATA_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days, such as 365' })
    .int({ error: 'must be a whole number of days, such as 365' })
    .min(30, { error: 'must be at least 30 (days), so the week-ahead notice can be answered' })
    .max(3650, { error: 'must be at most 3650 (ten years)' })
    .default(365),
}).extend(llmEnvShape);
export type BotConfig = z.output<typeof botEnvSchema>;

export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  return parseEnv(botEnvSchema, env);
}
