CREATE INDEX `assessment_results_person` ON `assessment_results` (`person_id`);--> statement-breakpoint
CREATE INDEX `assessment_sessions_person` ON `assessment_sessions` (`person_id`,`status`);--> statement-breakpoint
CREATE INDEX `deliveries_workout` ON `deliveries` (`workout_id`);--> statement-breakpoint
CREATE INDEX `deliveries_remind` ON `deliveries` (`status`,`remind_at`) WHERE "deliveries"."remind_at" is not null;--> statement-breakpoint
CREATE INDEX `measures_assessment` ON `measures` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `people_due` ON `people` (`next_run_at`,`id`);--> statement-breakpoint
CREATE INDEX `people_last_seen` ON `people` (`last_seen_at`);--> statement-breakpoint
CREATE INDEX `plans_person` ON `plans` (`person_id`);--> statement-breakpoint
CREATE INDEX `plans_assessment` ON `plans` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `workouts_plan` ON `workouts` (`plan_id`);