import { pino, type Logger } from 'pino';

/** Structured logs on stdout (JSON lines), one logger for the whole process. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'hipcoach' }, redact: ['token', '*.token', 'DISCORD_TOKEN', 'OPENAI_API_KEY'] });
}
