import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parse, parseDocument, YAMLError, type Document } from 'yaml';
import type { z } from 'zod';

/** Content files as read from disk: each problem names its file, field and line. */

/** One thing wrong with the content, precise enough for an editor to find and fix it. */
export interface ContentProblem {
  file: string;
  /** Dotted path inside the file, e.g. `exercises[3].next`. */
  field: string;
  line?: number;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The content library has ${problems.length} problem(s):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
  }
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.field || '(file)'}: ${p.message}`;
}

export type PathPart = string | number;

export function formatPath(path: readonly PathPart[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part,
    '',
  );
}

/**
 * A YAML file that can point at the line of any field, for friendly error messages. The data is
 * read with the plain parser; the heavier line-tracking document is built only when a problem
 * needs a line number, so a clean load at start-up stays light.
 */
export class SourceFile {
  private located: { doc: Document; lines: LineCounter } | undefined;

  private constructor(
    readonly name: string,
    private readonly text: string,
    private readonly value: unknown,
  ) {}

  static read(dir: string, path: string): SourceFile | ContentProblem {
    const name = relative(dir, path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { file: name, field: '', message: 'cannot be read' };
    }
    try {
      return new SourceFile(name, text, parse(text, { prettyErrors: false }));
    } catch (error) {
      const first = error instanceof YAMLError ? error : undefined;
      const lines = new LineCounter();
      parseDocument(text, { lineCounter: lines });
      return {
        file: name,
        field: '',
        ...(first ? { line: lines.linePos(first.pos[0]).line } : {}),
        message: `is not valid YAML: ${(first?.message ?? String(error)).split('\n')[0]}`,
      };
    }
  }

  data(): unknown {
    return this.value;
  }

  lineOf(path: readonly PathPart[]): number | undefined {
    if (!this.located) {
      const lines = new LineCounter();
      this.located = { doc: parseDocument(this.text, { lineCounter: lines }), lines };
    }
    const { doc, lines } = this.located;
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  }

  problem(path: readonly PathPart[], message: string): ContentProblem {
    return { file: this.name, field: formatPath(path), line: path.length ? this.lineOf(path) : undefined, message };
  }

  /** Validate against a schema; problems name the file, the field and its line. */
  parse<S extends z.ZodType>(schema: S, problems: ContentProblem[]): z.output<S> | undefined {
    const result = schema.safeParse(this.data());
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push(this.problem(issue.path as PathPart[], issue.message));
    }
    return undefined;
  }
}
