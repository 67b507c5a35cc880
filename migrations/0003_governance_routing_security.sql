CREATE TABLE "limit_counters" (
	"counter_key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "limit_counters_counter_key_window_start_pk" PRIMARY KEY("counter_key","window_start")
);
--> statement-breakpoint
CREATE TABLE "model_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"target_model" text NOT NULL,
	"link_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"scope_type" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"daily_quota" bigint,
	"monthly_quota" bigint,
	"rpm" integer,
	"tpm" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_scope_type_scope_id_pk" PRIMARY KEY("scope_type","scope_id")
);
--> statement-breakpoint
CREATE TABLE "routing_strategies" (
	"model" text PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"category" text NOT NULL,
	"action" text NOT NULL,
	"score" double precision NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"policy" text NOT NULL,
	"key_id" uuid,
	"user_id" uuid,
	"organization_id" uuid,
	"model" text,
	"endpoint" text,
	"excerpt" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_rollups" (
	"hour" timestamp with time zone NOT NULL,
	"key_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"model" text NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"prompt_tokens" bigint DEFAULT 0 NOT NULL,
	"completion_tokens" bigint DEFAULT 0 NOT NULL,
	"waddleai_tokens" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_rollups_hour_key_id_model_pk" PRIMARY KEY("hour","key_id","model")
);
--> statement-breakpoint
ALTER TABLE "model_aliases" ADD CONSTRAINT "model_aliases_link_id_provider_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."provider_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "security_events_created_idx" ON "security_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "security_events_org_created_idx" ON "security_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_rollups_org_hour_idx" ON "usage_rollups" USING btree ("organization_id","hour");--> statement-breakpoint
CREATE INDEX "usage_rollups_user_hour_idx" ON "usage_rollups" USING btree ("user_id","hour");