import type { z } from 'zod';
import type { PatternId, RedFlagId, Stage, TestId } from './ids.js';
import type {
  BatteryTest,
  baselineFileSchema,
  batteryFileSchema,
  Exercise,
  FaqEntry,
  faqFileSchema,
  manifestSchema,
  RedFlag,
  redFlagFileSchema,
  TroubleshootingTopic,
  troubleshootingFileSchema,
} from './schema.js';
import type { SourceFile } from './source-file.js';

/** The content library's shapes: the files as read, the chains and the library the app uses. */

export interface Parsed<S extends z.ZodType> {
  source: SourceFile;
  data: z.output<S>;
}

export interface ContentFiles {
  manifest: Parsed<typeof manifestSchema>;
  battery: Parsed<typeof batteryFileSchema>;
  redFlags: Parsed<typeof redFlagFileSchema>;
  baseline: Parsed<typeof baselineFileSchema>;
  troubleshooting: Parsed<typeof troubleshootingFileSchema>;
  faq: Parsed<typeof faqFileSchema>;
  exercises: ExerciseFile[];
}

/** One pattern file: its exercises that passed the schema, with their positions for messages. */
export interface ExerciseFile {
  source: SourceFile;
  pattern: PatternId;
  exercises: { exercise: Exercise; index: number }[];
}

/** One rung of a progression chain: the main exercise and its equipment alternatives. */
export interface ChainLevel {
  level: number;
  stage: Stage;
  main: Exercise;
  /** Main first, then variants in file order: the order the rules engine prefers them. */
  options: readonly Exercise[];
  /** The level's clinical default: the option marked `default: true`, else the main exercise. */
  default: Exercise;
  /** Loads the cam or pincer position: unlocked only behind the assessment gate. */
  provocative: boolean;
}

export interface Chain {
  pattern: PatternId;
  levels: readonly ChainLevel[];
}

export interface Library {
  /** Manifest version plus a hash of the data: plans record it so old plans can be explained. */
  version: string;
  exercises: readonly Exercise[];
  exerciseById: ReadonlyMap<string, Exercise>;
  chains: Readonly<Record<PatternId, Chain>>;
  warmups: readonly Exercise[];
  battery: { intro: string; painScale: string; tests: readonly BatteryTest[] };
  testById: ReadonlyMap<TestId, BatteryTest>;
  redFlags: {
    intro: string;
    flags: readonly RedFlag[];
    referrals: z.output<typeof redFlagFileSchema>['referrals'];
  };
  redFlagById: ReadonlyMap<RedFlagId, RedFlag>;
  baseline: z.output<typeof baselineFileSchema>;
  troubleshooting: readonly TroubleshootingTopic[];
  faq: readonly FaqEntry[];
}

export interface Located {
  exercise: Exercise;
  source: SourceFile;
  index: number;
}

export interface ExerciseCheck {
  chains: Readonly<Record<PatternId, Chain>>;
  byId: ReadonlyMap<string, Exercise>;
}
