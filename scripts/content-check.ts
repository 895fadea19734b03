// Temporary helper while the CLI is built: prints content problems.
import { checkContentDir, formatProblem } from '../src/content/load.js';
const { problems } = checkContentDir();
console.log(problems.length ? problems.map(formatProblem).join('\n') : 'content ok');
