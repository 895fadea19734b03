import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Line-by-line prompts that work the same for a person at a terminal and for a test piping
 * answers through stdin: lines are queued as they arrive, so none are lost between prompts.
 */
export class ConsoleIO {
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  constructor(
    input: Readable,
    private readonly output: Writable,
    readonly color: boolean,
  ) {
    const rl = createInterface({ input, terminal: false });
    rl.on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else this.lines.push(line);
    });
    rl.on('close', () => {
      this.closed = true;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(null);
      }
    });
  }

  print(text = ''): void {
    this.output.write(`${text}\n`);
  }

  /** The next line (trimmed), or null when input has ended. */
  async ask(prompt: string): Promise<string | null> {
    this.output.write(`${prompt} `);
    const queued = this.lines.shift();
    if (queued !== undefined) {
      if (!this.color) this.output.write('\n');
      return queued.trim();
    }
    if (this.closed) {
      this.output.write('\n');
      return null;
    }
    const line = await new Promise<string | null>((resolve) => {
      this.waiting = resolve;
    });
    if (!this.color) this.output.write('\n');
    return line === null ? null : line.trim();
  }
}

/** Thrown when input ends mid-conversation: everything so far is saved, so the coach just stops. */
export class InputEnded extends Error {
  constructor() {
    super('input ended');
    this.name = 'InputEnded';
  }
}

export async function askRequired(io: ConsoleIO, prompt: string): Promise<string> {
  const line = await io.ask(prompt);
  if (line === null) throw new InputEnded();
  return line;
}

/** Ask until the answer parses; `parse` returns the value or an error message to show. */
export async function askUntil<T>(io: ConsoleIO, prompt: string, parse: (line: string) => T | { error: string }): Promise<T> {
  for (;;) {
    const line = await askRequired(io, prompt);
    const parsed = parse(line);
    if (isError(parsed)) {
      io.print(`  ${parsed.error}`);
      continue;
    }
    return parsed;
  }
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}
