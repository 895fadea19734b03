ALTER TABLE `feedback` ADD `pain_by_exercise` text;--> statement-breakpoint
ALTER TABLE `people` ADD `goal` text;--> statement-breakpoint
ALTER TABLE `people` ADD `settled_mornings` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `progression` ADD `rung` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `progression` ADD `good_exposures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `progression` ADD `level_since` text;--> statement-breakpoint
ALTER TABLE `progression` ADD `step_downs` integer DEFAULT 0 NOT NULL;