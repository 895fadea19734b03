import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Clock } from '../app/time.js';
import type { LlmConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/repos/meta.js';

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

export interface Llm {
  readonly enabled: boolean;
  complete(messages: ChatMessage[], opts: { maxTokens: number; signal?: AbortSignal }): Promise<Completion | { failure: LlmFailure }>;
}

/** No key configured: every call says "off", and the bot uses templates and retrieval. */
export const NO_LLM: Llm = {
  enabled: false,
  complete: () => Promise.resolve({ failure: 'off' as const }),
};

/**
 * Any OpenAI-compatible chat API through the official SDK, with a per-request timeout, a single
 * retry, and a daily token budget kept in the database so restarts do not reset it.
 */
export class OpenAiLlm implements Llm {
  readonly enabled = true;
  private readonly client: OpenAI;

  /** The SDK is loaded only when an LLM is configured: installations without one never pay for it. */
  static async create(config: LlmConfig & { OPENAI_API_KEY: string }, deps: { db: Db; clock: Clock; logger: Logger }): Promise<OpenAiLlm> {
    const sdk = (await import('openai')).default;
    return new OpenAiLlm(sdk, config, deps);
  }

  private constructor(
    private readonly sdk: typeof OpenAI,
    private readonly config: LlmConfig & { OPENAI_API_KEY: string },
    private readonly deps: { db: Db; clock: Clock; logger: Logger },
  ) {
    this.client = new sdk({
      apiKey: config.OPENAI_API_KEY,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      timeout: config.LLM_TIMEOUT_MS,
      maxRetries: 1,
    });
  }

  private budgetKey(): string {
    return `llm_tokens:${this.deps.clock().toISOString().slice(0, 10)}`;
  }

  tokensUsedToday(): number {
    return Number(getMeta(this.deps.db, this.budgetKey()) ?? 0);
  }

  async complete(messages: ChatMessage[], opts: { maxTokens: number; signal?: AbortSignal }): Promise<Completion | { failure: LlmFailure }> {
    if (this.tokensUsedToday() >= this.config.LLM_DAILY_TOKEN_BUDGET) return { failure: 'budget' };
    try {
      const response = await this.client.chat.completions.create(
        // max_tokens, not max_completion_tokens: local OpenAI-compatible servers understand only it.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        { model: this.config.LLM_MODEL, messages, max_tokens: opts.maxTokens, temperature: 0.3 },
        opts.signal ? { signal: opts.signal } : {},
      );
      // Compatible servers may send partial objects, or a string for a non-JSON body.
      const loose = response as unknown as { choices?: { message?: { content?: unknown } }[]; usage?: typeof response.usage };
      const text = loose.choices?.[0]?.message?.content;
      const usage = loose.usage;
      const used = (usage?.total_tokens ?? 0) || Math.ceil(JSON.stringify(messages).length / 4);
      setMeta(this.deps.db, this.budgetKey(), String(this.tokensUsedToday() + used), this.deps.clock());
      if (typeof text !== 'string') return { failure: 'malformed' };
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
      this.deps.logger.warn({ failure, err: error instanceof Error ? error.message : String(error) }, 'LLM call failed; using the template');
      return { failure };
    }
  }
}

export async function createLlm(config: LlmConfig, deps: { db: Db; clock: Clock; logger: Logger }): Promise<Llm> {
  const key = config.OPENAI_API_KEY;
  return key ? OpenAiLlm.create({ ...config, OPENAI_API_KEY: key }, deps) : NO_LLM;
}
