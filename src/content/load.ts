import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parse, parseDocument, YAMLError, type Document } from 'yaml';
import type { z } from 'zod';
import {
  baselineFileSchema,
  batteryFileSchema,
  exerciseFileSchema,
  exerciseSchema,
  faqFileSchema,
  manifestSchema,
  redFlagFileSchema,
  troubleshootingFileSchema,
} from './schema.js';
import { buildLibrary, checkExercises, type ContentFiles, type ExerciseFile, type Library } from './library.js';

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

// Two levels below the package root both as src/content/load.ts and as dist/content/load.js; the
// YAML stays in src/ (tsc copies no data), so the path goes through the root.
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../src/content/data/', import.meta.url));

type PathPart = string | number;

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

function readOne<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: ContentProblem[],
): { source: SourceFile; data: z.output<S> } | undefined {
  const source = SourceFile.read(dir, join(dir, file));
  if (!(source instanceof SourceFile)) {
    problems.push(source);
    return undefined;
  }
  const data = source.parse(schema, problems);
  return data === undefined ? undefined : { source, data };
}

/** Read and check every content file; returns the problems instead of throwing. */
export function checkContentDir(dir: string = DEFAULT_CONTENT_DIR): {
  problems: ContentProblem[];
  library?: Library;
} {
  const problems: ContentProblem[] = [];
  const manifest = readOne(dir, 'manifest.yaml', manifestSchema, problems);
  const battery = readOne(dir, 'battery.yaml', batteryFileSchema, problems);
  const redFlags = readOne(dir, 'red-flags.yaml', redFlagFileSchema, problems);
  const baseline = readOne(dir, 'baseline.yaml', baselineFileSchema, problems);
  const troubleshooting = readOne(dir, 'troubleshooting.yaml', troubleshootingFileSchema, problems);
  const faq = readOne(dir, 'faq.yaml', faqFileSchema, problems);

  let exerciseFileNames: string[] = [];
  try {
    exerciseFileNames = readdirSync(join(dir, 'exercises'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    problems.push({ file: 'exercises/', field: '', message: 'folder is missing' });
  }
  const exerciseFiles = exerciseFileNames.flatMap((f): ExerciseFile[] => {
    const one = readOne(dir, join('exercises', f), exerciseFileSchema, problems);
    if (!one) return [];
    const exercises = one.data.exercises.flatMap((raw, index) => {
      const parsed = exerciseSchema.safeParse(raw);
      if (parsed.success) return [{ exercise: parsed.data, index }];
      for (const issue of parsed.error.issues) {
        problems.push(one.source.problem(['exercises', index, ...(issue.path as PathPart[])], issue.message));
      }
      return [];
    });
    return [{ source: one.source, pattern: one.data.pattern, exercises }];
  });

  if (problems.length > 0 || !manifest || !battery || !redFlags || !baseline || !troubleshooting || !faq) {
    // Still check the exercise graph, so one broken file doesn't hide every other problem.
    checkExercises(exerciseFiles, problems);
    return { problems };
  }
  const files: ContentFiles = {
    manifest,
    battery,
    redFlags,
    baseline,
    troubleshooting,
    faq,
    exercises: exerciseFiles,
  };
  const built = buildLibrary(files, contentHash(files));
  return built.problems.length > 0 ? { problems: built.problems } : { problems: [], library: built.library };
}

/** A short hash of the validated data (not the bytes), so comments and layout don't change it. */
function contentHash(files: ContentFiles): string {
  const data = {
    battery: files.battery.data,
    redFlags: files.redFlags.data,
    baseline: files.baseline.data,
    troubleshooting: files.troubleshooting.data,
    faq: files.faq.data,
    exercises: files.exercises.map((f) => ({ pattern: f.pattern, exercises: f.exercises.map((e) => e.exercise) })),
  };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 8);
}

export function loadContentDir(dir: string = DEFAULT_CONTENT_DIR): Library {
  const { problems, library } = checkContentDir(dir);
  if (!library) throw new ContentError(problems);
  return library;
}

let cached: Library | undefined;

/** The shipped library, loaded and checked once per process. */
export function getLibrary(): Library {
  cached ??= loadContentDir();
  return cached;
}
