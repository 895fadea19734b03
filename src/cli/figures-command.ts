import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, getLibrary } from '../content/load.js';
import type { Library } from '../content/library.js';
import { contactSheet } from '../figures/contact-sheet.js';
import { renderFigure, titleOf } from '../figures/index.js';
import { checkFigures } from '../figures/validate.js';
import { CliError } from './errors.js';

/** `figures --out DIR`: every figure as a PNG plus one contact sheet, for a reviewer. */
export async function figuresCommand(opts: { out: string }, library: Library = getLibrary()): Promise<string> {
  const { problems, poses, missing, waiting } = checkFigures(library);
  if (problems.length > 0) throw new CliError(`the pose files have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  mkdirSync(opts.out, { recursive: true });
  const rendered = poses.map((pose) => {
    const png = renderFigure(pose, titleOf(pose.id, library) ?? pose.id, 'png');
    writeFileSync(join(opts.out, `${pose.id}.png`), png);
    return { id: pose.id, png };
  });
  rendered.sort((a, b) => a.id.localeCompare(b.id));
  const sheet = join(opts.out, 'contact-sheet.png');
  writeFileSync(sheet, await contactSheet(rendered));
  return [
    `${rendered.length} figures written to ${opts.out}, contact sheet ${sheet}`,
    ...(missing.length ? [`no figure yet: ${missing.join(', ')}`] : []),
    ...(waiting.length ? [`waiting (pose for an id not in the library): ${waiting.join(', ')}`] : []),
  ].join('\n');
}
