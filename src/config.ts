import { z } from 'zod';
import { describeZodError } from './coaching/answers.js';

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
