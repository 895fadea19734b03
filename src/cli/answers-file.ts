import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { answersSchema, describeZodError, type Answers } from '../coaching/assessment-answers.js';
import { CliError } from './errors.js';

/** Read and validate an answers file; any problem becomes one message naming the field. */
export function readAnswersFile(path: string): Answers {
  return readJsonFile(path, answersSchema);
}

/** Read a JSON file and check it with a schema; any problem becomes one message naming the field. */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot be read (${code ?? 'unknown error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = describeZodError(parsed.error);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new CliError(`${path}: ${problems[0]!}${more}`);
  }
  return parsed.data;
}
