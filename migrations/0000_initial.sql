CREATE TABLE `assessment_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`test_id` text NOT NULL,
	`side` text NOT NULL,
	`rating` text NOT NULL,
	`pain` integer NOT NULL,
	`pain_place` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_results_unique` ON `assessment_results` (`assessment_id`,`test_id`,`side`);--> statement-breakpoint
CREATE TABLE `assessment_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`step` text NOT NULL,
	`draft` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_one_in_progress` ON `assessment_sessions` (`person_id`) WHERE "assessment_sessions"."status" = 'in_progress';--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`nonce` text NOT NULL,
	`parts` text DEFAULT '[]' NOT NULL,
	`parts_sent` integer DEFAULT 0 NOT NULL,
	`workout_id` integer,
	`due_at` integer,
	`next_attempt_at` integer,
	`remind_at` integer,
	`reminded_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`message_id` text,
	`error` text,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workout_id`) REFERENCES `workouts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_person_date` ON `deliveries` (`person_id`,`local_date`);--> statement-breakpoint
CREATE INDEX `deliveries_pending` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workout_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`pain_during` integer NOT NULL,
	`effort` text NOT NULL,
	`form` text NOT NULL,
	`morning_feel` text,
	`morning_pain` integer,
	`decisions` text NOT NULL,
	`settled_at` integer,
	`created_at` integer NOT NULL,
	`morning_at` integer,
	FOREIGN KEY (`workout_id`) REFERENCES `workouts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_workout_id_unique` ON `feedback` (`workout_id`);--> statement-breakpoint
CREATE INDEX `feedback_person` ON `feedback` (`person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `guild_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`qa_channel_id` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`assessment_id` integer,
	`pain_average` integer NOT NULL,
	`pain_worst` integer NOT NULL,
	`psfs` text NOT NULL,
	`psfs_mean` real,
	`taken_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measures_person` ON `measures` (`person_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`reminder_time` text DEFAULT '08:00' NOT NULL,
	`minutes` integer DEFAULT 20 NOT NULL,
	`equipment` text DEFAULT '["none"]' NOT NULL,
	`reminders_on` integer DEFAULT true NOT NULL,
	`weekly_charts` integer DEFAULT false NOT NULL,
	`consent_at` integer,
	`status` text DEFAULT 'new' NOT NULL,
	`next_run_at` integer,
	`dm_channel_id` text,
	`dm_blocked_at` integer,
	`dm_blocked_notice_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `phrase_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`assessment_id` integer,
	`content_version` text NOT NULL,
	`plan` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment_sessions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_one_active` ON `plans` (`person_id`) WHERE "plans"."active" = 1;--> statement-breakpoint
CREATE TABLE `progression` (
	`person_id` text NOT NULL,
	`pattern` text NOT NULL,
	`side` text NOT NULL,
	`level` integer NOT NULL,
	`good_streak` integer DEFAULT 0 NOT NULL,
	`regress_streak` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `pattern`, `side`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `qa_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text,
	`where` text NOT NULL,
	`thread_id` text,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`sources` text NOT NULL,
	`outcome` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qa_log_person` ON `qa_log` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `qa_log_thread` ON `qa_log` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `red_flag_screens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`answers` text NOT NULL,
	`positive_flags` text NOT NULL,
	`level` text,
	`source` text NOT NULL,
	`taken_at` integer NOT NULL,
	`cleared_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `red_flag_screens_person` ON `red_flag_screens` (`person_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `workouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`plan_id` integer,
	`local_date` text NOT NULL,
	`session` text NOT NULL,
	`status` text NOT NULL,
	`feedback_draft` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workouts_person_date` ON `workouts` (`person_id`,`local_date`);