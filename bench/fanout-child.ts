/** One scheduler tick in its own process, so its memory can be measured alone. */
import { readFileSync } from 'node:fs';
import { REST } from 'discord.js';
import { pino } from 'pino';
import { Coach } from '../src/app/coach.js';
import { getLibrary } from '../src/content/load.js';
import { openDatabase } from '../src/db/connection.js';
import { RestDmSender } from '../src/discord/dm-sender.js';
import { Scheduler } from '../src/scheduler/scheduler.js';

const env = process.env;
const handle = openDatabase(env.DATABASE_PATH!);
const clock = () => new Date(env.NOW!);
const coach = new Coach({ db: handle.db, library: getLibrary(), clock });
const rest = new REST({ api: env.API_BASE!, globalRequestsPerSecond: Number(env.RATE) }).setToken(env.TOKEN!);
const scheduler = new Scheduler({ db: handle.db, coach, sender: new RestDmSender(rest), clock, logger: pino({ level: 'silent' }), concurrency: Number(env.CONCURRENCY ?? 50) });
const report = await scheduler.tick();
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({ ...report, peakRssMb: Math.round(peakKb / 102.4) / 10 })}\n`);
handle.close();
