/**
 * The one poller: calls `get` until it returns something other than undefined (or false), and
 * fails with `describe()` (e.g. the process output so far) after `timeoutMs`. Only for outside
 * events the bot cannot report (a child process, a gateway round trip); for the bot's own work
 * use its `idle()`.
 */
export async function eventually<T>(get: () => T | undefined | false, opts: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {}): Promise<T> {
  const end = Date.now() + (opts.timeoutMs ?? 5000);
  for (;;) {
    const value = get();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting${opts.describe ? `; so far:\n${opts.describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 20));
  }
}
