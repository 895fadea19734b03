import { sql } from 'drizzle-orm';
import { customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EquipmentId, GoalId, PatternId, RedFlagId, ReferralLevel, Side, TestId } from '../content/ids.js';
import type { Plan } from '../coaching/plan.js';
import type { Session } from '../coaching/session.js';
import type { AssessmentDraft } from '../coaching/assessment-draft.js';
import type { DeliveryPart, FeedbackDraft, StoredDecision } from './column-types.js';

export type { DeliveryPart, FeedbackDraft, StoredDecision } from './column-types.js';

/**
 * Every table that holds something about a person references `people` with ON DELETE CASCADE,
 * so `/privacy delete` is one DELETE and nothing is left behind.
 */

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

/**
 * JSON text that reads back as `undefined` instead of throwing when the stored text is damaged,
 * so the repository's zod check can recover (e.g. restart an assessment) rather than crash.
 */
const tolerantJson = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  },
});
const person = () =>
  text('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' });

export const PERSON_STATUSES = ['new', 'consented', 'active', 'paused', 'referred', 'unreachable'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const people = sqliteTable('people', {
  /** The Discord user id (a snowflake), or `console:<name>` for the terminal coach. */
  id: text('id').primaryKey(),
  timezone: text('timezone').notNull().default('UTC'),
  /** Local time of the daily reminder, `HH:MM`. */
  reminderTime: text('reminder_time').notNull().default('08:00'),
  minutes: integer('minutes').notNull().default(20),
  equipment: text('equipment', { mode: 'json' }).$type<EquipmentId[]>().notNull().default(sql`'["none"]'`),
  remindersOn: integer('reminders_on', { mode: 'boolean' }).notNull().default(true),
  /** Attach the progress chart to the Sunday summary DM (off unless the person asks for it). */
  weeklyCharts: integer('weekly_charts', { mode: 'boolean' }).notNull().default(false),
  consentAt: timestamp('consent_at'),
  status: text('status', { enum: PERSON_STATUSES }).notNull().default('new'),
  /** When the next daily DM is due (UTC); null while reminders are off or there is no plan. */
  nextRunAt: timestamp('next_run_at'),
  /** The DM channel, remembered so each daily DM is one request, not two. */
  dmChannelId: text('dm_channel_id'),
  /** Set when Discord refused a DM (50007): no more DMs until the person turns reminders back on. */
  dmBlockedAt: timestamp('dm_blocked_at'),
  /** When the person was told (privately, in a server) that their DMs are blocked. */
  dmBlockedNoticeAt: timestamp('dm_blocked_notice_at'),
  /** The person's last interaction with the bot: the retention rule counts from here. */
  lastSeenAt: timestamp('last_seen_at'),
  /** When the "your data will be erased in a week" DM was sent; cleared by any interaction. */
  retentionNoticeAt: timestamp('retention_notice_at'),
  /** The person's goal (spec v2); null until chosen, read as the latest assessment's goal or `daily_life`. */
  goal: text('goal').$type<GoalId>(),
  /** Sessions in a row with a settled next morning: an irritable hip earns loading after enough of them. */
  settledMornings: integer('settled_mornings').notNull().default(0),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
}, (t) => [
  // The scheduler's due query (next_run_at <= now, oldest first) runs every tick and per batch.
  index('people_due').on(t.nextRunAt, t.id),
  // The retention sweep looks for people not seen since a cutoff.
  index('people_last_seen').on(t.lastSeenAt),
]);

export const redFlagScreens = sqliteTable(
  'red_flag_screens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    answers: text('answers', { mode: 'json' }).$type<Record<RedFlagId, boolean>>().notNull(),
    positiveFlags: text('positive_flags', { mode: 'json' }).$type<RedFlagId[]>().notNull(),
    level: text('level', { enum: ['emergency', 'urgent'] }).$type<ReferralLevel>(),
    /** Where the screen came from: onboarding, reassessment, or free text the bot checked. */
    source: text('source', { enum: ['assessment', 'reassessment', 'free_text'] }).notNull(),
    takenAt: timestamp('taken_at').notNull(),
    clearedAt: timestamp('cleared_at'),
  },
  (t) => [index('red_flag_screens_person').on(t.personId, t.takenAt)],
);

export const ASSESSMENT_STATUSES = ['in_progress', 'completed', 'referred', 'abandoned'] as const;

export const assessmentSessions = sqliteTable(
  'assessment_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    kind: text('kind', { enum: ['initial', 'reassessment'] }).notNull(),
    /** The step to show when the person comes back, e.g. `red_flags`, `baseline`, `test:figure_four`. */
    step: text('step').notNull(),
    draft: tolerantJson('draft').$type<AssessmentDraft>().notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull(),
    startedAt: timestamp('started_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    // At most one assessment in progress per person: resuming is unambiguous.
    uniqueIndex('assessment_one_in_progress')
      .on(t.personId)
      .where(sql`${t.status} = 'in_progress'`),
    // A person's assessments by status: the reassessment check reads them on every daily DM.
    index('assessment_sessions_person').on(t.personId, t.status),
  ],
);

export const assessmentResults = sqliteTable(
  'assessment_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessmentSessions.id, { onDelete: 'cascade' }),
    personId: person(),
    testId: text('test_id').$type<TestId>().notNull(),
    side: text('side', { enum: ['left', 'right', 'both'] }).$type<Side>().notNull(),
    rating: text('rating').notNull(),
    pain: integer('pain').notNull(),
    painPlace: text('pain_place', { enum: ['front', 'side', 'back'] }),
    recordedAt: timestamp('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('assessment_results_unique').on(t.assessmentId, t.testId, t.side),
    // Charts and /privacy read a person's results; deleting a person finds them here.
    index('assessment_results_person').on(t.personId),
  ],
);

/** NPRS and PSFS at each assessment: the outcome measures progress is judged by. */
export const measures = sqliteTable(
  'measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    assessmentId: integer('assessment_id').references(() => assessmentSessions.id, { onDelete: 'cascade' }),
    painAverage: integer('pain_average').notNull(),
    painWorst: integer('pain_worst').notNull(),
    psfs: text('psfs', { mode: 'json' }).$type<{ activity: string; score: number }[]>().notNull(),
    psfsMean: real('psfs_mean'),
    takenAt: timestamp('taken_at').notNull(),
  },
  (t) => [
    index('measures_person').on(t.personId, t.takenAt),
    // Foreign-key checks from assessment_sessions would otherwise scan measures.
    index('measures_assessment').on(t.assessmentId),
  ],
);

export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    assessmentId: integer('assessment_id').references(() => assessmentSessions.id, { onDelete: 'set null' }),
    contentVersion: text('content_version').notNull(),
    /** The full plan with every item's reasons, exactly as the engine produced it. */
    plan: text('plan', { mode: 'json' }).$type<Plan>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: timestamp('created_at').notNull(),
    /** When the person was shown the new plan (screen and DM); null until then, so a crash in between is finished on the next press. */
    deliveredAt: timestamp('delivered_at'),
  },
  (t) => [
    uniqueIndex('plans_one_active')
      .on(t.personId)
      .where(sql`${t.active} = 1`),
    // Plan reads bind `active` as a parameter, so the partial index above cannot serve them.
    index('plans_person').on(t.personId),
    // Foreign-key checks when an assessment is deleted (a plan refers to it).
    index('plans_assessment').on(t.assessmentId),
  ],
);

export const progression = sqliteTable(
  'progression',
  {
    personId: person(),
    pattern: text('pattern').$type<PatternId>().notNull(),
    side: text('side', { enum: ['left', 'right', 'both'] }).$type<Side>().notNull(),
    level: integer('level').notNull(),
    goodStreak: integer('good_streak').notNull().default(0),
    regressStreak: integer('regress_streak').notNull().default(0),
    /** Engine v2 (`TrackState`): the rung of the level's dosage ladder, 0 = first. */
    rung: integer('rung').notNull().default(0),
    /** Engine v2: good exposures since the level started. */
    goodExposures: integer('good_exposures').notNull().default(0),
    /** Engine v2: the local date (`YYYY-MM-DD`) the level started; null for rows from before v2. */
    levelSince: text('level_since'),
    /** Engine v2: step-downs in a row (two send a clinician-review nudge). */
    stepDowns: integer('step_downs').notNull().default(0),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.pattern, t.side] })],
);

export const WORKOUT_STATUSES = ['planned', 'done', 'skipped'] as const;

export const workouts = sqliteTable(
  'workouts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    localDate: text('local_date').notNull(),
    session: text('session', { mode: 'json' }).$type<Session>().notNull(),
    status: text('status', { enum: WORKOUT_STATUSES }).notNull(),
    /** Feedback answers picked so far in a multi-select message, before "Save" is pressed. */
    feedbackDraft: tolerantJson('feedback_draft').$type<FeedbackDraft | null>(),
    createdAt: timestamp('created_at').notNull(),
    completedAt: timestamp('completed_at'),
  },
  (t) => [
    uniqueIndex('workouts_person_date').on(t.personId, t.localDate),
    // Foreign-key checks when a plan is deleted (workouts.plan_id refers to it).
    index('workouts_plan').on(t.planId),
  ],
);

/** One row per workout: the session feedback, then the next morning's check. */
export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workoutId: integer('workout_id')
      .notNull()
      .unique()
      .references(() => workouts.id, { onDelete: 'cascade' }),
    personId: person(),
    painDuring: integer('pain_during').notNull(),
    effort: text('effort', { enum: ['easy', 'right', 'hard'] }).notNull(),
    form: text('form', { enum: ['good', 'struggled'] }).notNull(),
    morningFeel: text('morning_feel', { enum: ['better', 'same', 'worse'] }),
    morningPain: integer('morning_pain'),
    /** Engine v2: pain per exercise id for the exercises the person named as going above 3/10. */
    painByExercise: text('pain_by_exercise', { mode: 'json' }).$type<Record<string, number>>(),
    /** Progression decisions made from this feedback, for the person's history and for audits. */
    decisions: text('decisions', { mode: 'json' }).$type<StoredDecision[]>().notNull(),
    /** Set once the morning check has been applied (or given up on), so it applies exactly once. */
    settledAt: timestamp('settled_at'),
    createdAt: timestamp('created_at').notNull(),
    morningAt: timestamp('morning_at'),
  },
  (t) => [index('feedback_person').on(t.personId, t.createdAt)],
);

/** Daily DM ledger: the unique key is what makes delivery exactly-once. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: person(),
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'skipped', 'failed'] }).notNull(),
    nonce: text('nonce').notNull(),
    /** The messages this delivery sends, fixed at claim time so a retry sends the same ones. */
    parts: text('parts', { mode: 'json' }).$type<DeliveryPart[]>().notNull().default(sql`'[]'`),
    /** How many parts Discord has confirmed; a retry resumes after them. */
    partsSent: integer('parts_sent').notNull().default(0),
    workoutId: integer('workout_id').references(() => workouts.id, { onDelete: 'set null' }),
    /** The scheduled instant this delivery belongs to; the catch-up window counts from here. */
    dueAt: timestamp('due_at'),
    nextAttemptAt: timestamp('next_attempt_at'),
    /** Snooze: when to send a short nudge about this day's workout. */
    remindAt: timestamp('remind_at'),
    remindedAt: timestamp('reminded_at'),
    attempts: integer('attempts').notNull().default(0),
    messageId: text('message_id'),
    error: text('error'),
    claimedAt: timestamp('claimed_at').notNull(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    uniqueIndex('deliveries_person_date').on(t.personId, t.localDate),
    index('deliveries_pending').on(t.status, t.nextAttemptAt),
    // Storing a workout checks deliveries.workout_id (once per person in a fan-out).
    index('deliveries_workout').on(t.workoutId),
    // Snoozed workouts due a nudge, read every tick. Most rows have no remind_at (a small index),
    // and status leads so the planner prefers it to deliveries_pending for status = 'sent'.
    index('deliveries_remind')
      .on(t.status, t.remindAt)
      .where(sql`${t.remindAt} is not null`),
  ],
);

export const qaLog = sqliteTable(
  'qa_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for questions not tied to a person; a person's rows go with them on delete. */
    personId: text('person_id').references(() => people.id, { onDelete: 'cascade' }),
    where: text('where', { enum: ['dm', 'guild', 'thread', 'console'] }).notNull(),
    /** The Q&A thread, so follow-ups there keep their context. */
    threadId: text('thread_id'),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    sources: text('sources', { mode: 'json' }).$type<string[]>().notNull(),
    outcome: text('outcome', { enum: ['llm', 'fallback', 'red_flag', 'fixed', 'rate_limited'] }).notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('qa_log_person').on(t.personId, t.createdAt), index('qa_log_thread').on(t.threadId, t.createdAt)],
);

/** LLM phrasings by a hash of their input: the same facts are never paid for twice. */
export const phraseCache = sqliteTable('phrase_cache', {
  key: text('key').primaryKey(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at').notNull(),
});

/** Small key/value facts about this installation, e.g. the hash of the registered commands. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

/** Per-server settings chosen by its admins. */
export const guildSettings = sqliteTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  qaChannelId: text('qa_channel_id'),
  updatedAt: timestamp('updated_at').notNull(),
});

/** A lease makes sure only one process runs the DM scheduler against this database. */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  expiresAt: timestamp('expires_at').notNull(),
});
