/**
 * A scheduler process for crash tests: one tick, optionally killing itself (SIGKILL, no cleanup)
 * at a chosen step of a delivery. Run with `node --import tsx tests/scheduler/crash-child.ts`.
 */
import { REST } from 'discord.js';
import { pino } from 'pino';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { openDatabase } from '../../src/db/connection.js';
import { RestDmSender } from '../../src/discord/dm-sender.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';

const env = process.env;
const crashAt = env.CRASH_AT ?? '';
const die = () => process.kill(process.pid, 'SIGKILL');
const handle = openDatabase(env.DATABASE_PATH!);
const clock = () => new Date(env.NOW!);
const coach = new Coach({ db: handle.db, library: getLibrary(), clock });
const rest = new REST({ api: env.API_BASE! }).setToken(env.TOKEN!);
const scheduler = new Scheduler({
  db: handle.db,
  coach,
  sender: new RestDmSender(rest),
  clock,
  logger: pino({ level: 'silent' }),
  owner: `child-${process.pid}`,
  hooks: {
    afterClaim: () => {
      if (crashAt === 'after-claim') die();
    },
    afterSend: (_d, part) => {
      if (crashAt === `after-send:${part}`) die();
    },
  },
});
const report = await scheduler.tick();
process.stdout.write(`${JSON.stringify(report)}\n`);
handle.close();
