DROP INDEX "usage_events_created_idx";--> statement-breakpoint
CREATE INDEX "usage_events_created_brin" ON "usage_events" USING brin ("created_at");