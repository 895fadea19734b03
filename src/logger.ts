import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

/**
 * Errors keep only what helps an operator: never request bodies. A failed Discord request
 * carries its whole body (a plan, a workout, an answer: health details) in `requestBody`, and
 * that must not reach a log file.
 */
function safeError(error: unknown): Record<string, unknown> {
  const plain = stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const { type, message, stack, status, code, method, url } = plain;
  return { type, message, stack, status, code, method, url };
}

/** Structured logs on stdout (JSON lines), one logger for the whole process. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'hipcoach' }, redact: ['token', '*.token', 'DISCORD_TOKEN', 'OPENAI_API_KEY'], serializers: { err: safeError } };
  return destination ? pino(options, destination) : pino(options);
}
