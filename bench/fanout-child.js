// One scheduler tick in its own process, so its memory can be measured alone. Plain JavaScript
// from dist/, as production runs it (under tsx the loader alone adds tens of MB).
import { readFileSync } from 'node:fs';
import { REST } from 'discord.js';
import { pino } from 'pino';
import { Coach } from '../dist/app/coach.js';
import { getLibrary } from '../dist/content/load.js';
import { openDatabase } from '../dist/db/connection.js';
import { REST_OPTIONS } from '../dist/discord/client.js';
import { RestDmSender } from '../dist/discord/dm-sender.js';
import { Scheduler } from '../dist/scheduler/scheduler.js';

const env = process.env;
const handle = openDatabase(env.DATABASE_PATH);
const clock = () => new Date(env.NOW);
const coach = new Coach({ db: handle.db, library: getLibrary(), clock });
const rest = new REST({ ...REST_OPTIONS, api: env.API_BASE, globalRequestsPerSecond: Number(env.RATE) }).setToken(env.TOKEN);
const scheduler = new Scheduler({ db: handle.db, coach, sender: new RestDmSender(rest), clock, logger: pino({ level: 'silent' }), concurrency: Number(env.CONCURRENCY ?? 50) });
// CPU time beside wall time: on a shared, loaded machine wall time mostly measures the neighbours.
const cpu0 = process.cpuUsage();
const report = await scheduler.tick();
const cpu = process.cpuUsage(cpu0);
if (env.MEMDEBUG === 'snap') (await import('node:v8')).writeHeapSnapshot('/tmp/rt/tick.heapsnapshot');
if (env.MEMDEBUG) process.stderr.write(`${JSON.stringify(process.memoryUsage())}\n`);
const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({ ...report, tickCpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: Math.round(peakKb / 102.4) / 10 })}\n`);
handle.close();
// The REST client's sweep timers would keep the process alive.
process.exit(0);
