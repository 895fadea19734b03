import fc from 'fast-check';
import { getLibrary } from '../src/content/load.js';
import { buildPlan } from '../src/coaching/plan.js';
import { nextRunAfter } from '../src/coaching/schedule.js';
import type { Db } from '../src/db/connection.js';
import { measures, people, plans, progression } from '../src/db/schema.js';
import { answersArb } from '../testkit/answers-arb.js';

/** Fill a database with `count` onboarded people, each with a plan and progression. */
export function seedPeople(db: Db, count: number, opts: { now: Date; reminderTime?: string; dueAt?: Date; idBase?: bigint }): string[] {
  const library = getLibrary();
  const variety = fc.sample(answersArb(), { numRuns: 64, seed: 7 }).map((a) => buildPlan(a, library));
  const ids: string[] = [];
  const base = opts.idBase ?? 300000000000000000n;
  db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const id = String(base + BigInt(i));
      ids.push(id);
      const plan = variety[i % variety.length]!;
      const nextRunAt = opts.dueAt ?? nextRunAfter(opts.reminderTime ?? '08:00', 'UTC', opts.now);
      tx.insert(people)
        .values({ id, timezone: 'UTC', reminderTime: opts.reminderTime ?? '08:00', minutes: plan.minutes, equipment: plan.equipment, consentAt: opts.now, status: 'active', nextRunAt, createdAt: opts.now, updatedAt: opts.now })
        .run();
      tx.insert(plans).values({ personId: id, contentVersion: plan.contentVersion, plan, active: true, createdAt: opts.now }).run();
      tx.insert(measures).values({ personId: id, painAverage: 3, painWorst: 6, psfs: [{ activity: 'stairs', score: 4 }], psfsMean: 4, takenAt: opts.now }).run();
      const rows = plan.items.map((item) => ({ personId: id, pattern: item.pattern, side: item.side, level: item.level, goodStreak: 0, regressStreak: 0, updatedAt: opts.now }));
      if (rows.length) tx.insert(progression).values(rows).onConflictDoNothing().run();
    }
  });
  return ids;
}
