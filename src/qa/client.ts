import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Clock } from '../app/time.js';
import type { LlmConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { QaRecords } from '../app/qa-records.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Completion {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** Why the LLM gave no text; callers fall back to templates for all of them. */
export type LlmFailure = 'off' | 'budget' | 'timeout' | 'rate_limited' | 'error' | 'malformed';

export interface CompleteOptions {
  maxTokens: number;
  /** The caller's own cancellation (a shutdown, say). */
  signal?: AbortSignal;
  /** Hard budget for the whole call, retries and waits included. Defaults to the configured timeout. */
  budgetMs?: number;
}

export interface Llm {
  readonly enabled: boolean;
  complete(messages: ChatMessage[], opts: CompleteOptions): Promise<Completion | { failure: LlmFailure }>;
}

/** No key configured: every call says "off", and the bot uses templates and retrieval. */
export const NO_LLM: Llm = {
  enabled: false,
  complete: () => Promise.resolve({ failure: 'off' as const }),
};

/**
 * Any OpenAI-compatible chat API through the official SDK, with a hard deadline, at most one retry
 * of our own, and a daily token budget kept in the database so restarts do not reset it.
 *
 * The SDK's own retries are off (`maxRetries: 0`): it sleeps a provider's whole `Retry-After`
 * (an hour, if the provider says so) and that sleep ignores the abort signal. Here one retry happens
 * only if its wait plus a minimum useful attempt fits the time left (see `retryPlan`).
 */
export class OpenAiLlm implements Llm {
  readonly enabled = true;
  private readonly client: OpenAI;

  /** The SDK is loaded only when an LLM is configured: installations without one never pay for it. */
  static async create(config: LlmConfig & { OPENAI_API_KEY: string }, deps: { db: Db; clock: Clock; logger: Logger }): Promise<OpenAiLlm> {
    const sdk = (await import('openai')).default;
    return new OpenAiLlm(sdk, config, deps);
  }

  private readonly records: QaRecords;

  private constructor(
    private readonly sdk: typeof OpenAI,
    private readonly config: LlmConfig & { OPENAI_API_KEY: string },
    private readonly deps: { db: Db; clock: Clock; logger: Logger },
  ) {
    this.records = new QaRecords(deps);
    this.client = new sdk({
      apiKey: config.OPENAI_API_KEY,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      timeout: config.LLM_TIMEOUT_MS,
      maxRetries: 0,
    });
  }

  tokensUsedToday(): number {
    return this.records.tokensUsedToday();
  }

  async complete(messages: ChatMessage[], opts: CompleteOptions): Promise<Completion | { failure: LlmFailure }> {
    if (this.tokensUsedToday() >= this.config.LLM_DAILY_TOKEN_BUDGET) return { failure: 'budget' };
    const deadline = Date.now() + (opts.budgetMs ?? this.config.LLM_TIMEOUT_MS);
    let failure: LlmFailure = 'timeout';
    for (let attempt = 0; attempt < 2; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      // One signal covers waiting for headers AND reading the body: a stall mid-body is cut too.
      const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(left)]) : AbortSignal.timeout(left);
      const outcome = await this.attempt(messages, opts.maxTokens, signal);
      if (!('error' in outcome)) return outcome;
      failure = outcome.failure;
      const waitMs = retryPlan(outcome.error, failure, deadline - Date.now());
      if (attempt > 0 || waitMs === null || opts.signal?.aborted) break;
      await sleep(waitMs, opts.signal);
    }
    return { failure };
  }

  private async attempt(messages: ChatMessage[], maxTokens: number, signal: AbortSignal): Promise<Completion | { failure: LlmFailure; error: unknown }> {
    try {
      const response = await this.client.chat.completions.create(
        // max_tokens, not max_completion_tokens: local OpenAI-compatible servers understand only it.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        { model: this.config.LLM_MODEL, messages, max_tokens: maxTokens, temperature: 0.3 },
        { signal, timeout: Math.max(1, this.config.LLM_TIMEOUT_MS) },
      );
      // Compatible servers may send partial objects, or a string for a non-JSON body.
      const loose = response as unknown as { choices?: { message?: { content?: unknown } }[]; usage?: typeof response.usage };
      const text = loose.choices?.[0]?.message?.content;
      const usage = loose.usage;
      const used = (usage?.total_tokens ?? 0) || Math.ceil(JSON.stringify(messages).length / 4);
      this.records.addTokensUsed(used);
      if (typeof text !== 'string') return { failure: 'malformed', error: null };
      return { text, promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
    } catch (error) {
      const { APIConnectionTimeoutError, APIUserAbortError, RateLimitError } = this.sdk;
      const failure: LlmFailure =
        error instanceof APIConnectionTimeoutError || (error instanceof Error && error.name === 'AbortError') || error instanceof APIUserAbortError
          ? 'timeout'
          : error instanceof RateLimitError
            ? 'rate_limited'
            : error instanceof SyntaxError
              ? 'malformed'
              : 'error';
      this.deps.logger.warn({ failure, err: error instanceof Error ? error.message : String(error) }, 'LLM call failed');
      return { failure, error };
    }
  }
}

/** Below this, a second attempt would only time out: better to answer from the template now. */
export const MIN_USEFUL_ATTEMPT_MS = 3000;

/**
 * How long to wait before the one retry, or null for no retry: only rate limits, 5xx and dropped
 * connections are retried, and only when the provider's wait plus a useful attempt fits `leftMs`.
 */
export function retryPlan(error: unknown, failure: LlmFailure, leftMs: number): number | null {
  if (failure === 'timeout' || failure === 'malformed' || failure === 'budget' || failure === 'off') return null;
  const status = (error as { status?: unknown } | null)?.status;
  const retryable = failure === 'rate_limited' || (typeof status === 'number' && status >= 500) || status === undefined;
  if (!retryable) return null;
  const waitMs = retryAfterMs((error as { headers?: unknown } | null)?.headers) ?? 500;
  return waitMs + MIN_USEFUL_ATTEMPT_MS <= leftMs ? waitMs : null;
}

/** `retry-after-ms`, else `retry-after` in seconds or as a date; undefined when absent or unreadable. */
function retryAfterMs(headers: unknown): number | undefined {
  const get = (name: string): string | null => {
    const getter = (headers as { get?: unknown } | undefined)?.get;
    if (typeof getter === 'function') return (getter as (n: string) => string | null).call(headers, name);
    const value = (headers as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : null;
  };
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

export async function createLlm(config: LlmConfig, deps: { db: Db; clock: Clock; logger: Logger }): Promise<Llm> {
  const key = config.OPENAI_API_KEY;
  return key ? OpenAiLlm.create({ ...config, OPENAI_API_KEY: key }, deps) : NO_LLM;
}
