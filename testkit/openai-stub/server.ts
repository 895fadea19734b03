/**
 * OpenAI API stub for tests
 * =========================
 *
 * A loopback (127.0.0.1 only, random port) stand-in for the OpenAI REST API that the REAL `openai`
 * npm SDK (v6) can talk to. It answers `POST /v1/chat/completions` (JSON, or SSE with
 * `stream: true`) and `GET /v1/models[/:id]`, records every request and lets tests script what each
 * chat completion returns (answers, delays, HTTP errors, malformed bodies, computed answers).
 *
 * Usage
 * -----
 *   import OpenAI from 'openai';
 *   import { Adversarial, startOpenAiStub } from '../testkit/openai-stub/index.js';
 *
 *   const stub = await startOpenAiStub();               // { apiKey?, models?, defaultResponse? }
 *   const client = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL, maxRetries: 0, timeout: 2000 });
 *
 *   stub.enqueue(
 *     { kind: 'answer', content: 'Do 2x10 clamshells.' },
 *     { kind: 'status', status: 429, retryAfterSeconds: 0 },
 *     { kind: 'slow', content: 'late', delayMs: 5000 },
 *     { kind: 'answer', content: Adversarial.surgeryAdvice },
 *     { kind: 'fn', handler: (body) => ({ kind: 'answer', content: `model was ${body.model}` }) },
 *   );
 *   stub.setDefault({ kind: 'answer', content: 'fine' });  // used once the queue is empty
 *
 *   stub.requests();       // every request (also /v1/models, 404s, rejected ones), oldest first
 *   stub.chatRequests();   // only well-formed POST /v1/chat/completions, body typed
 *   stub.lastChat()?.body.messages;  stub.lastChat()?.headers.authorization;  // 'Bearer test-key'
 *   await stub.waitForRequests(2);   // e.g. when the call happens in the background
 *   stub.clear();          // forget recorded requests AND drop the queue (default stays)
 *   await stub.close();    // also cuts open keep-alive / slow connections
 *
 * Behaviour worth knowing
 * -----------------------
 * - Only chat completions consume the queue. A chat request is first checked like OpenAI does:
 *   unparseable JSON, a missing `model` or a missing/empty `messages` array gets a 400
 *   `invalid_request_error` WITHOUT consuming the queue; with `opts.apiKey` set, a missing or wrong
 *   `Authorization: Bearer …` gets a 401 `invalid_api_key`, also without consuming the queue.
 * - Every response carries `x-request-id: req_…` (the SDK exposes it as `err.requestID`,
 *   `completion._request_id`), `openai-version`, `openai-processing-ms` and `x-ratelimit-*`.
 * - `status` errors use OpenAI's JSON error body `{ error: { message, type, param: null, code } }`.
 *   429 always carries `retry-after` (default `0`, so an SDK retry happens at once; pass
 *   `retryAfterSeconds: null` to leave it out and let the SDK use its own 0.5 s, 1 s, … backoff).
 *   `retryAfterMs` adds the non-standard `retry-after-ms` header, which the SDK prefers.
 * - Delays (`slow`, `answer.delayMs`) happen BEFORE the status line/headers are sent, because the
 *   SDK's `timeout` only covers waiting for the headers. `slow` with `stallBody: true` sends the
 *   headers at once and delays the body instead (the SDK's timeout does NOT fire then).
 *   A client that gives up meanwhile never crashes the stub; the record gets `aborted: true`.
 * - `malformed` is served as `content-type: application/json` (so the SDK's `response.json()`
 *   throws a plain `SyntaxError`); pass `contentType: 'text/html'` to see the SDK hand the raw
 *   string back as if it were the completion instead.
 * - With `stream: true` the answer is sent as `chat.completion.chunk` SSE events ending with
 *   `data: [DONE]`; a usage chunk is added when `stream_options.include_usage` is true. Errors
 *   (`status`) are plain JSON responses, as with the real API.
 * - `{ kind: 'disconnect' }` destroys the socket without answering (SDK: `APIConnectionError`).
 * - A `fn` handler that throws gets a 500 `server_error` (the SDK retries it by default!) and the
 *   error is kept in `stub.errors()`.
 * - Token counts are estimates: ceil(characters / 4) of the message texts and of the answer.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { Model } from 'openai/resources/models';

export { Adversarial } from './adversarial.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** Status codes the stub can be scripted to return (what OpenAI realistically sends). */
export type StubErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 422 | 429 | 500 | 502 | 503;

export type FinishReason = ChatCompletion.Choice['finish_reason'];

/** The JSON body of a chat completion request, as the SDK sends it. */
export type ChatRequestBody = ChatCompletionCreateParams;

/** One scripted reaction to a chat completion request. */
export type StubResponse =
  | {
      kind: 'answer';
      content: string;
      /** Wait this long before sending anything (headers included). */
      delayMs?: number;
      /** Default `'stop'`. */
      finishReason?: FinishReason;
      /** Default: the model the request asked for. */
      model?: string;
    }
  | {
      kind: 'slow';
      content: string;
      delayMs: number;
      /** Send status + headers at once and delay only the body (the SDK timeout does not cover it). */
      stallBody?: boolean;
    }
  | {
      kind: 'status';
      status: StubErrorStatus;
      /** `retry-after` header in seconds. 429 defaults to 0; `null` omits the header. */
      retryAfterSeconds?: number | null;
      /** Non-standard `retry-after-ms` header; the SDK reads it before `retry-after`. */
      retryAfterMs?: number;
      message?: string;
      /** Overrides the OpenAI error `type` (e.g. `'insufficient_quota'`). */
      type?: string;
      /** Overrides the OpenAI error `code` (e.g. `'context_length_exceeded'`). */
      code?: string | null;
      /** Sends `x-should-retry: true|false`, which the SDK obeys over its own status rules. */
      shouldRetry?: boolean;
      delayMs?: number;
    }
  | {
      kind: 'malformed';
      /** Sent verbatim with status 200 (should not be valid JSON). */
      body: string;
      /** Default `'application/json'`. */
      contentType?: string;
      delayMs?: number;
    }
  | { kind: 'malformed-shape'; delayMs?: number }
  | {
      /** Destroys the connection without answering (the SDK sees a connection error). */
      kind: 'disconnect';
      delayMs?: number;
    }
  | {
      kind: 'fn';
      handler: (body: ChatRequestBody, request: RecordedRequest) => StubResponse | Promise<StubResponse>;
    };

export interface RecordedRequest {
  /** 1-based, in arrival order. */
  seq: number;
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Full request target including any query string. */
  url: string;
  /** Lower-cased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body, or `undefined` when there was none or it was not JSON. */
  body: unknown;
  rawBody: string;
  /** `Date.now()` when the request arrived. */
  time: number;
  /** Status the stub answered with (`undefined` while pending or after `disconnect`). */
  status?: number;
  /** True if the client closed the connection before the stub finished answering. */
  aborted: boolean;
  /** What the stub did for a chat completion (`'rejected'` = 400/401 before the queue). */
  kind?: StubResponse['kind'] | 'rejected';
}

export interface ChatRequest extends RecordedRequest {
  body: ChatRequestBody;
}

export interface OpenAiStubOptions {
  /** If set, requests must carry `Authorization: Bearer <apiKey>` or get a 401 `invalid_api_key`. */
  apiKey?: string;
  /** Model ids listed by `GET /v1/models`. */
  models?: string[];
  /** Initial default response (used when the queue is empty). */
  defaultResponse?: StubResponse;
}

export interface OpenAiStub {
  /** `http://127.0.0.1:PORT/v1` — pass as the SDK's `baseURL`. */
  readonly baseURL: string;
  readonly port: number;
  /** Script the next chat completions (FIFO). */
  enqueue(...responses: StubResponse[]): void;
  /** Response used when the queue is empty. */
  setDefault(response: StubResponse): void;
  /** Number of scripted responses not yet used. */
  queued(): number;
  /** Copies of every recorded request, oldest first. */
  requests(): RecordedRequest[];
  /** Well-formed chat completion requests only. */
  chatRequests(): ChatRequest[];
  lastChat(): ChatRequest | undefined;
  /** Resolves once at least `count` requests matching `filter` (default: chat requests) arrived. */
  waitForRequests(count: number, opts?: { timeoutMs?: number; filter?: (r: RecordedRequest) => boolean }): Promise<RecordedRequest[]>;
  /** Errors thrown by `fn` handlers (answered as 500). */
  errors(): Error[];
  /** Forget recorded requests and errors and drop the queue. The default stays. */
  clear(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Helpers (exported for tests that build their own expectations)
// ---------------------------------------------------------------------------------------------

/** The stub's token estimate: ceil(characters / 4). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Flattens a chat message's content (string or content parts) to plain text. */
export function messageText(message: ChatCompletionMessageParam): string {
  const content = message.content;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => {
      if ('text' in part) return part.text;
      if ('refusal' in part) return part.refusal;
      return '';
    })
    .join('');
}

/** All message texts of a request joined with newlines (system prompt first, as sent). */
export function promptText(body: ChatRequestBody): string {
  return body.messages.map(messageText).join('\n');
}

export const DEFAULT_ANSWER = 'Noted. Keep today easy and steady.';
export const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'];

const ERROR_DEFAULTS: Record<StubErrorStatus, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: {
    message:
      'Incorrect API key provided: test-***. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  403: { message: 'You are not allowed to sample from this model', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  408: { message: 'Request timed out.', type: 'server_error', code: null },
  409: { message: 'Conflict.', type: 'invalid_request_error', code: null },
  422: { message: 'Unprocessable entity.', type: 'invalid_request_error', code: null },
  429: {
    message:
      'Rate limit reached for gpt-4o-mini in organization org-stub on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  502: { message: 'Bad gateway.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

function randomId(prefix: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length] ?? 'x';
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class AbortedError extends Error {}

/** Resolves after `ms`, or rejects with AbortedError as soon as `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new AbortedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function copyRecord(r: RecordedRequest): RecordedRequest {
  return { ...r, headers: { ...r.headers } };
}

function isChatRequestBody(body: unknown): body is ChatRequestBody {
  return (
    isRecord(body) &&
    typeof body['model'] === 'string' &&
    Array.isArray(body['messages']) &&
    body['messages'].length > 0 &&
    body['messages'].every((m) => isRecord(m) && typeof m['role'] === 'string')
  );
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export async function startOpenAiStub(opts: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const models = opts.models ?? DEFAULT_MODELS;
  const modelCreated = 1_715_367_049;
  let defaultResponse: StubResponse = opts.defaultResponse ?? { kind: 'answer', content: DEFAULT_ANSWER };
  let queue: StubResponse[] = [];
  let recorded: RecordedRequest[] = [];
  let handlerErrors: Error[] = [];
  let seq = 0;
  let closed = false;
  const inFlight = new Set<AbortController>();
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();

  const notify = (): void => {
    for (const w of [...waiters]) w();
  };

  const baseHeaders = (): Record<string, string> => ({
    'x-request-id': randomId('req_', 32),
    'openai-version': '2020-10-01',
    'openai-organization': 'org-stub',
    'openai-processing-ms': String(10 + Math.floor(Math.random() * 90)),
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-remaining-requests': '9999',
    'x-ratelimit-reset-requests': '6ms',
  });

  const sendJson = (
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    payload: unknown,
    extraHeaders: Record<string, string> = {},
  ): void => {
    if (res.destroyed || res.headersSent) return;
    const text = JSON.stringify(payload);
    record.status = status;
    res.writeHead(status, {
      ...baseHeaders(),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...extraHeaders,
    });
    res.end(text);
  };

  const sendError = (
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    error: { message: string; type: string; param?: string | null; code: string | null },
    extraHeaders: Record<string, string> = {},
  ): void => {
    sendJson(res, record, status, { error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code } }, extraHeaders);
  };

  const completion = (body: ChatRequestBody, content: string, finishReason: FinishReason, model: string): ChatCompletion => {
    const promptTokens = estimateTokens(promptText(body));
    const completionTokens = estimateTokens(content);
    return {
      id: randomId('chatcmpl-', 29),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
    };
  };

  const sendStream = (
    res: ServerResponse,
    record: RecordedRequest,
    body: ChatRequestBody,
    content: string,
    finishReason: FinishReason,
    model: string,
  ): void => {
    if (res.destroyed || res.headersSent) return;
    record.status = 200;
    res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const full = completion(body, content, finishReason, model);
    const base = { id: full.id, object: 'chat.completion.chunk' as const, created: full.created, model, service_tier: full.service_tier };
    const includeUsage = body.stream_options?.include_usage === true;
    const chunks: ChatCompletionChunk[] = [];
    chunks.push({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }] });
    // Split on word boundaries into a handful of pieces, like token deltas.
    const pieces = content.match(/\S+\s*|\s+/g) ?? [];
    for (const piece of pieces) {
      chunks.push({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }] });
    }
    chunks.push({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }] });
    if (includeUsage) chunks.push({ ...base, choices: [], usage: full.usage ?? null });
    for (const chunk of chunks) {
      const withUsage = includeUsage && chunk.usage === undefined ? { ...chunk, usage: null } : chunk;
      res.write(`data: ${JSON.stringify(withUsage)}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  };

  const respondChat = async (
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    body: ChatRequestBody,
    signal: AbortSignal,
  ): Promise<void> => {
    let response: StubResponse = queue.shift() ?? defaultResponse;
    // Resolve `fn` handlers (a handler may return another handler; cap the depth).
    for (let depth = 0; response.kind === 'fn'; depth++) {
      if (depth >= 5) throw new Error('openai-stub: fn handlers nested more than 5 deep');
      response = await response.handler(body, copyRecord(record));
    }
    record.kind = response.kind;
    const stream = body.stream === true;
    const model = body.model;

    switch (response.kind) {
      case 'answer': {
        await delay(response.delayMs ?? 0, signal);
        const finish = response.finishReason ?? 'stop';
        if (stream) sendStream(res, record, body, response.content, finish, response.model ?? model);
        else sendJson(res, record, 200, completion(body, response.content, finish, response.model ?? model));
        return;
      }
      case 'slow': {
        if (response.stallBody === true && !stream) {
          const text = JSON.stringify(completion(body, response.content, 'stop', model));
          record.status = 200;
          res.writeHead(200, { ...baseHeaders(), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
          res.flushHeaders();
          await delay(response.delayMs, signal);
          if (!res.destroyed) res.end(text);
          return;
        }
        await delay(response.delayMs, signal);
        if (stream) sendStream(res, record, body, response.content, 'stop', model);
        else sendJson(res, record, 200, completion(body, response.content, 'stop', model));
        return;
      }
      case 'status': {
        await delay(response.delayMs ?? 0, signal);
        const defaults = ERROR_DEFAULTS[response.status];
        const headers: Record<string, string> = {};
        const retryAfter = response.retryAfterSeconds === undefined ? (response.status === 429 ? 0 : null) : response.retryAfterSeconds;
        if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
        if (response.retryAfterMs !== undefined) headers['retry-after-ms'] = String(response.retryAfterMs);
        if (response.shouldRetry !== undefined) headers['x-should-retry'] = String(response.shouldRetry);
        if (response.status === 429) {
          headers['x-ratelimit-remaining-requests'] = '0';
          headers['x-ratelimit-reset-requests'] = `${retryAfter ?? 20}s`;
        }
        sendError(
          res,
          record,
          response.status,
          {
            message: response.message ?? defaults.message,
            type: response.type ?? defaults.type,
            code: response.code === undefined ? defaults.code : response.code,
          },
          headers,
        );
        return;
      }
      case 'malformed': {
        await delay(response.delayMs ?? 0, signal);
        if (res.destroyed) return;
        record.status = 200;
        if (stream) {
          res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8' });
          res.end(`data: ${response.body.replace(/\n/g, ' ')}\n\ndata: [DONE]\n\n`);
          return;
        }
        res.writeHead(200, {
          ...baseHeaders(),
          'content-type': response.contentType ?? 'application/json',
          'content-length': String(Buffer.byteLength(response.body)),
        });
        res.end(response.body);
        return;
      }
      case 'malformed-shape': {
        await delay(response.delayMs ?? 0, signal);
        const { choices: _choices, ...rest } = completion(body, '', 'stop', model);
        if (stream) {
          if (res.destroyed) return;
          record.status = 200;
          res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8' });
          res.end(`data: ${JSON.stringify({ id: rest.id, object: 'chat.completion.chunk', created: rest.created, model })}\n\ndata: [DONE]\n\n`);
          return;
        }
        sendJson(res, record, 200, rest);
        return;
      }
      case 'disconnect': {
        await delay(response.delayMs ?? 0, signal);
        req.socket.destroy();
        return;
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawBody = await readBody(req);
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    let body: unknown = undefined;
    let bodyParseFailed = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody) as unknown;
      } catch {
        bodyParseFailed = true;
      }
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = { seq: ++seq, method, path, url, headers, body, rawBody, time: Date.now(), aborted: false };
    recorded.push(record);
    notify();

    const controller = new AbortController();
    inFlight.add(controller);
    res.on('close', () => {
      if (!res.writableFinished) {
        record.aborted = true;
        controller.abort();
      }
      inFlight.delete(controller);
    });

    if (opts.apiKey !== undefined && headers['authorization'] !== `Bearer ${opts.apiKey}`) {
      record.kind = path === '/v1/chat/completions' ? 'rejected' : undefined;
      const provided = headers['authorization'];
      sendError(res, record, 401, {
        message:
          provided === undefined ?
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
          : ERROR_DEFAULTS[401].message,
        type: 'invalid_request_error',
        code: provided === undefined ? null : 'invalid_api_key',
      });
      return;
    }

    if (method === 'GET' && path === '/v1/models') {
      const data: Model[] = models.map((id) => ({ id, object: 'model', created: modelCreated, owned_by: 'system' }));
      sendJson(res, record, 200, { object: 'list', data });
      return;
    }
    const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
    if (method === 'GET' && modelMatch) {
      const id = decodeURIComponent(modelMatch[1] ?? '');
      if (models.includes(id)) {
        const model: Model = { id, object: 'model', created: modelCreated, owned_by: 'system' };
        sendJson(res, record, 200, model);
      } else {
        sendError(res, record, 404, { message: `The model '${id}' does not exist`, type: 'invalid_request_error', param: 'model', code: 'model_not_found' });
      }
      return;
    }
    if (method === 'POST' && path === '/v1/chat/completions') {
      if (bodyParseFailed || !isRecord(body)) {
        record.kind = 'rejected';
        sendError(res, record, 400, {
          message:
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
          type: 'invalid_request_error',
          code: null,
        });
        return;
      }
      if (!isChatRequestBody(body)) {
        record.kind = 'rejected';
        const missingModel = typeof body['model'] !== 'string';
        sendError(res, record, 400, {
          message: missingModel ? 'you must provide a model parameter' : "Missing required parameter: 'messages'.",
          type: 'invalid_request_error',
          param: missingModel ? null : 'messages',
          code: missingModel ? null : 'missing_required_parameter',
        });
        return;
      }
      try {
        await respondChat(req, res, record, body, controller.signal);
      } catch (err) {
        if (err instanceof AbortedError) return; // client went away (or stub closed): nothing to send
        const error = err instanceof Error ? err : new Error(String(err));
        handlerErrors.push(error);
        sendError(res, record, 500, { message: `openai-stub handler failed: ${error.message}`, type: 'server_error', code: null });
      }
      return;
    }
    sendError(res, record, 404, { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', code: null });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A client that hangs up while sending its body is not a stub error.
      if (!req.destroyed && !closed) handlerErrors.push(err instanceof Error ? err : new Error(String(err)));
      if (!res.destroyed) res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => {
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const chatRequests = (): ChatRequest[] =>
    recorded
      .filter((r): r is ChatRequest => r.method === 'POST' && r.path === '/v1/chat/completions' && isChatRequestBody(r.body))
      .map((r) => copyRecord(r) as ChatRequest);

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    enqueue(...responses) {
      queue.push(...responses);
    },
    setDefault(response) {
      defaultResponse = response;
    },
    queued: () => queue.length,
    requests: () => recorded.map(copyRecord),
    chatRequests,
    lastChat: () => chatRequests().at(-1),
    waitForRequests(count, { timeoutMs = 5000, filter } = {}) {
      const select = (): RecordedRequest[] =>
        filter === undefined ? chatRequests() : recorded.filter(filter).map(copyRecord);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = select();
          if (found.length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`openai-stub: expected ${count} request(s) within ${timeoutMs} ms, got ${select().length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    errors: () => [...handlerErrors],
    clear() {
      recorded = [];
      queue = [];
      handlerErrors = [];
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const c of inFlight) c.abort();
      const done = new Promise<void>((resolve) => server.close(() => { resolve(); }));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await done;
    },
  };
}
