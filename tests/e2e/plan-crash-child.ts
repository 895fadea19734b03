/**
 * The real bot for a crash test: it dies (SIGKILL, no cleanup) right after the plan is saved by
 * "Build my plan", before the screen or the DM. Run with `node --import tsx tests/e2e/plan-crash-child.ts`.
 */
import { pino } from 'pino';
import { botEnvSchema } from '../../src/config.js';
import { startBot } from '../../src/discord/bot.js';

const bot = await startBot({ config: botEnvSchema.parse(process.env), logger: pino({ level: 'silent' }) });
const coach = bot.context.coach;
const act = coach.act.bind(coach);
coach.act = (personId, action) => {
  const result = act(personId, action);
  if (result.kind === 'complete') process.kill(process.pid, 'SIGKILL');
  return result;
};
process.stdout.write('ready\n');
