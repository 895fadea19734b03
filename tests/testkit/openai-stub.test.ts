/**
 * Self-test of the OpenAI stub against the REAL `openai` SDK (v6). Also documents how the SDK
 * surfaces each failure, so callers know which classes to catch.
 */
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Adversarial, DEFAULT_ANSWER, estimateTokens, promptText, startOpenAiStub, type OpenAiStub } from '../../testkit/openai-stub/index.js';

let stub: OpenAiStub;
let client: OpenAI;

const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are HipCoach.' },
  { role: 'user', content: 'My hip felt tight after the clamshells.' },
];

function ask(c: OpenAI = client, opts?: OpenAI.RequestOptions) {
  return c.chat.completions.create({ model: 'gpt-4o-mini', messages }, opts);
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

/** Awaits the rejection, asserts its class and returns it typed. */
async function rejectionOf<T>(p: Promise<unknown>, cls: abstract new (...args: never[]) => T): Promise<T> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(cls);
  return err as T;
}

beforeAll(async () => {
  stub = await startOpenAiStub();
  client = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL, maxRetries: 0, timeout: 2000 });
});

afterEach(() => {
  expect(stub.errors()).toEqual([]);
  stub.clear();
  stub.setDefault({ kind: 'answer', content: DEFAULT_ANSWER });
});

afterAll(async () => {
  await stub.close();
});

describe('openai stub with the real SDK', () => {
  it('listens on loopback only', () => {
    expect(stub.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('returns a normal completion with content and usage', async () => {
    stub.enqueue({ kind: 'answer', content: 'Try 2 x 10 clamshells with a slow lower.' });
    const res = await ask();
    expect(res.object).toBe('chat.completion');
    expect(res.id).toMatch(/^chatcmpl-/);
    expect(res.model).toBe('gpt-4o-mini');
    expect(res.choices).toHaveLength(1);
    const choice = res.choices[0]!;
    expect(choice.message).toMatchObject({ role: 'assistant', content: 'Try 2 x 10 clamshells with a slow lower.' });
    expect(choice.finish_reason).toBe('stop');
    expect(choice.logprobs).toBeNull();
    const promptTokens = estimateTokens('You are HipCoach.\nMy hip felt tight after the clamshells.');
    const completionTokens = estimateTokens('Try 2 x 10 clamshells with a slow lower.');
    expect(res.usage).toMatchObject({
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    });
    expect(res._request_id).toMatch(/^req_/);
  });

  it('answers with a harmless default when the queue is empty, and setDefault changes it', async () => {
    expect((await ask()).choices[0]?.message.content).toBe(DEFAULT_ANSWER);
    stub.setDefault({ kind: 'answer', content: 'Default two.' });
    expect((await ask()).choices[0]?.message.content).toBe('Default two.');
    stub.enqueue({ kind: 'answer', content: 'queued' });
    expect(stub.queued()).toBe(1);
    expect((await ask()).choices[0]?.message.content).toBe('queued');
    expect((await ask()).choices[0]?.message.content).toBe('Default two.');
  });

  it('records the Authorization header, model and prompt', async () => {
    await ask();
    const req = stub.lastChat();
    expect(req).toBeDefined();
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer test-key');
    expect(req?.body.model).toBe('gpt-4o-mini');
    expect(req?.body.messages).toEqual(messages);
    expect(promptText(req!.body)).toContain('clamshells');
    expect(typeof req?.time).toBe('number');
  });

  it('429 surfaces as RateLimitError with retry-after and the request id', async () => {
    stub.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    const e = await rejectionOf(ask(), OpenAI.RateLimitError);
    expect(e.status).toBe(429);
    expect(e.code).toBe('rate_limit_exceeded');
    expect(e.headers.get('retry-after')).toBe('7');
    expect(e.requestID).toMatch(/^req_/);
    expect(e.message).toMatch(/^429 Rate limit reached/);
    expect(e.error).toMatchObject({ type: 'requests', param: null, code: 'rate_limit_exceeded' });
  });

  it('500 surfaces as InternalServerError, 503 too; 400 and 401 have their own classes', async () => {
    stub.enqueue(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503, message: 'overloaded' },
      { kind: 'status', status: 400, message: 'bad messages' },
      { kind: 'status', status: 401 },
    );
    expect((await rejectionOf(ask(), OpenAI.InternalServerError)).status).toBe(500);
    const e503 = await rejectionOf(ask(), OpenAI.InternalServerError);
    expect(e503.status).toBe(503);
    expect(e503.message).toBe('503 overloaded');
    expect((await rejectionOf(ask(), OpenAI.BadRequestError)).type).toBe('invalid_request_error');
    expect((await rejectionOf(ask(), OpenAI.AuthenticationError)).code).toBe('invalid_api_key');
  });

  it('a response slower than the client timeout is APIConnectionTimeoutError, and the stub keeps working', async () => {
    stub.enqueue({ kind: 'slow', content: 'too late', delayMs: 1500 });
    const started = Date.now();
    const err = await rejection(ask(client, { timeout: 200 }));
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(Date.now() - started).toBeLessThan(1000);
    // The abandoned request is marked aborted, and the next call works.
    await expect.poll(() => stub.requests()[0]?.aborted).toBe(true);
    stub.enqueue({ kind: 'answer', content: 'back to normal' });
    expect((await ask()).choices[0]?.message.content).toBe('back to normal');
  });

  it("the SDK timeout only covers the headers: a stalled body is NOT timed out", async () => {
    stub.enqueue({ kind: 'slow', content: 'slow body', delayMs: 500, stallBody: true });
    const res = await ask(client, { timeout: 150 });
    expect(res.choices[0]?.message.content).toBe('slow body');
  });

  it('malformed JSON with status 200 throws a plain SyntaxError (not an OpenAIError, never retried)', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL, maxRetries: 2, timeout: 2000 });
    stub.enqueue({ kind: 'malformed', body: '{"id":"chatcmpl-1","choices":[{"message":' });
    const err = await rejection(ask(retrying));
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err).not.toBeInstanceOf(OpenAI.OpenAIError);
    expect(stub.chatRequests()).toHaveLength(1);
  });

  it('a non-JSON content type is returned as a raw string instead of throwing', async () => {
    stub.enqueue({ kind: 'malformed', body: '<html>Bad gateway</html>', contentType: 'text/html' });
    const res: unknown = await ask();
    expect(res).toBe('<html>Bad gateway</html>');
  });

  it('missing choices is returned as-is: the caller must check', async () => {
    stub.enqueue({ kind: 'malformed-shape' });
    const res = await ask();
    expect(res.object).toBe('chat.completion');
    expect((res as Partial<typeof res>).choices).toBeUndefined();
  });

  it('a dropped connection is APIConnectionError', async () => {
    stub.enqueue({ kind: 'disconnect' });
    const err = await rejection(ask());
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(err).not.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('with maxRetries: 2, a 429 (retry-after: 0) then an answer succeeds after 2 requests', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL, maxRetries: 2, timeout: 2000 });
    stub.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 0 }, { kind: 'answer', content: 'second time lucky' });
    const started = Date.now();
    const res = await ask(retrying);
    expect(res.choices[0]?.message.content).toBe('second time lucky');
    expect(Date.now() - started).toBeLessThan(370); // retry-after 0 => no sleep (default backoff is >= 375 ms)
    const reqs = stub.chatRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
  });

  it('retry-after-ms is honoured before retry-after; 400 is not retried; x-should-retry: false wins', async () => {
    const retrying = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL, maxRetries: 2, timeout: 2000 });
    stub.enqueue({ kind: 'status', status: 503, retryAfterMs: 20, retryAfterSeconds: 30 }, { kind: 'answer', content: 'ok' });
    const started = Date.now();
    await ask(retrying);
    expect(Date.now() - started).toBeLessThan(1000);

    stub.clear();
    stub.enqueue({ kind: 'status', status: 400 }, { kind: 'answer', content: 'never reached' });
    expect(await rejection(ask(retrying))).toBeInstanceOf(OpenAI.BadRequestError);
    expect(stub.chatRequests()).toHaveLength(1);

    stub.clear();
    stub.enqueue({ kind: 'status', status: 500, shouldRetry: false }, { kind: 'answer', content: 'never reached' });
    expect(await rejection(ask(retrying))).toBeInstanceOf(OpenAI.InternalServerError);
    expect(stub.chatRequests()).toHaveLength(1);
  });

  it('fn handlers compute the answer from the request', async () => {
    stub.enqueue({
      kind: 'fn',
      handler: (body) => ({ kind: 'answer', content: `echo: ${promptText(body).split('\n').at(-1) ?? ''}` }),
    });
    expect((await ask()).choices[0]?.message.content).toBe('echo: My hip felt tight after the clamshells.');
  });

  it('a throwing fn handler becomes a 500 and is reported in errors()', async () => {
    stub.enqueue({
      kind: 'fn',
      handler: () => {
        throw new Error('boom');
      },
    });
    expect(await rejection(ask())).toBeInstanceOf(OpenAI.InternalServerError);
    expect(stub.errors().map((e) => e.message)).toEqual(['boom']);
    stub.clear(); // so afterEach does not complain
  });

  it('streams SSE chunks when stream: true', async () => {
    stub.enqueue({ kind: 'answer', content: 'Easy does it today.' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null | undefined;
    let total: number | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) total = chunk.usage.total_tokens;
    }
    expect(text).toBe('Easy does it today.');
    expect(finish).toBe('stop');
    expect(total).toBeGreaterThan(0);
  });

  it('lists models', async () => {
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toContain('gpt-4o-mini');
    expect(stub.requests().at(-1)).toMatchObject({ method: 'GET', path: '/v1/models', status: 200 });
    expect(stub.chatRequests()).toHaveLength(0);
  });

  it('rejects an invalid body with 400 without consuming the queue', async () => {
    stub.enqueue({ kind: 'answer', content: 'kept' });
    const err = await rejection(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }));
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(stub.queued()).toBe(1);
    expect(stub.requests()[0]?.kind).toBe('rejected');
  });

  it('serves adversarial content verbatim', async () => {
    stub.enqueue({ kind: 'answer', content: Adversarial.massMention }, { kind: 'answer', content: Adversarial.tooLong });
    const mention = (await ask()).choices[0]?.message.content ?? '';
    expect(mention).toContain('@everyone');
    expect(mention).toContain('@here');
    expect(mention).toContain('<@&123456789012345678>');
    expect((await ask()).choices[0]?.message.content?.length).toBeGreaterThan(5000);
    expect(Adversarial.unknownExercise).toMatch(/Jefferson curls/);
    expect(Adversarial.unknownExercise).toMatch(/pistol squats/);
    expect(Adversarial.foreignLink).toContain('https://example-clinic.biz/buy-now');
    expect(Adversarial.surgeryAdvice).toMatch(/you definitely need hip arthroscopy/i);
    expect(Adversarial.medicationDose).toContain('400 mg ibuprofen three times a day');
    expect(Adversarial.diagnosis).toContain('You have a cam-type FAI and a torn labrum');
    expect(Adversarial.injectionEcho).toMatch(/ignoring previous instructions/i);
  });

  it('waitForRequests resolves once enough requests arrived', async () => {
    const waiting = stub.waitForRequests(2, { timeoutMs: 2000 });
    await Promise.all([ask(), ask()]);
    expect(await waiting).toHaveLength(2);
  });
});

describe('openai stub options and shutdown', () => {
  it('checks the API key when opts.apiKey is set', async () => {
    const strict = await startOpenAiStub({ apiKey: 'right-key' });
    try {
      const wrong = new OpenAI({ apiKey: 'wrong-key', baseURL: strict.baseURL, maxRetries: 0, timeout: 2000 });
      expect(await rejection(ask(wrong))).toBeInstanceOf(OpenAI.AuthenticationError);
      const right = new OpenAI({ apiKey: 'right-key', baseURL: strict.baseURL, maxRetries: 0, timeout: 2000 });
      expect((await ask(right)).choices[0]?.message.content).toBe(DEFAULT_ANSWER);
    } finally {
      await strict.close();
    }
  });

  it('close() does not hang on a pending slow response', async () => {
    const other = await startOpenAiStub({ defaultResponse: { kind: 'slow', content: 'never', delayMs: 60_000 } });
    const c = new OpenAI({ apiKey: 'test-key', baseURL: other.baseURL, maxRetries: 0, timeout: 5000 });
    const pending = rejection(ask(c));
    await other.waitForRequests(1);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
