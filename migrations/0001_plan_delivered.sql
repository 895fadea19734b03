ALTER TABLE `plans` ADD `delivered_at` integer;--> statement-breakpoint
-- Plans made before this column existed were delivered when they were made.
UPDATE `plans` SET `delivered_at` = `created_at`;
