import { eq } from 'drizzle-orm';
import {
  assessmentResults,
  assessmentSessions,
  deliveries,
  feedback,
  measures,
  people,
  plans,
  progression,
  qaLog,
  redFlagScreens,
  workouts,
} from '../schema.js';
import { countRows, type Queryable } from '../types.js';

/** Every table with a person_id column: export and the delete check both walk this one list. */
export const PERSONAL_TABLES = {
  red_flag_screens: redFlagScreens,
  assessment_sessions: assessmentSessions,
  assessment_results: assessmentResults,
  measures,
  plans,
  progression,
  workouts,
  feedback,
  deliveries,
  qa_log: qaLog,
} as const;

export type PersonExport = { person: typeof people.$inferSelect | null } & {
  [K in keyof typeof PERSONAL_TABLES]: unknown[];
};

/** Every stored row about one person, table by table. */
export function exportPerson(db: Queryable, personId: string): PersonExport {
  const person = db.select().from(people).where(eq(people.id, personId)).get() ?? null;
  const tables = Object.fromEntries(
    Object.entries(PERSONAL_TABLES).map(([name, table]) => [name, db.select().from(table).where(eq(table.personId, personId)).all()]),
  ) as Omit<PersonExport, 'person'>;
  return { person, ...tables };
}

/** How many rows anywhere still mention the person (0 after a delete). */
export function rowsAbout(db: Queryable, personId: string): number {
  const own = countRows(db, people, eq(people.id, personId));
  return Object.values(PERSONAL_TABLES).reduce((sum, table) => sum + countRows(db, table, eq(table.personId, personId)), own);
}
