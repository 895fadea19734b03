import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { ContentError, SourceFile, type ContentProblem, type PathPart } from './source-file.js';

export { ContentError, formatPath, formatProblem, SourceFile, type ContentProblem } from './source-file.js';

// Two levels below the package root both as src/content/load.ts and as dist/content/load.js; the
// YAML stays in src/ (tsc copies no data), so the path goes through the root.
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../src/content/data/', import.meta.url));


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
