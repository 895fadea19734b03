ALTER TABLE `people` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `retention_notice_at` integer;--> statement-breakpoint
UPDATE `people` SET `last_seen_at` = `updated_at` WHERE `id` NOT LIKE 'console:%';
