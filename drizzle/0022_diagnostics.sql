CREATE TABLE "diagnostic" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"cluster_id" text NOT NULL,
	"round" integer NOT NULL,
	"diagnosed_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"endorsed_by_name" text,
	"endorsed_by_role" text,
	"endorsed_by_user_id" text,
	"endorsed_at" timestamp with time zone,
	"based_on_id" text,
	"created_by_user_id" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_cluster_round_unique" UNIQUE("cluster_id","round"),
	CONSTRAINT "diagnostic_status_check" CHECK ("diagnostic"."status" in ('draft', 'endorsed'))
);
--> statement-breakpoint
CREATE TABLE "diagnostic_baseline" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"diagnostic_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"year" integer NOT NULL,
	"source" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_challenge" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"diagnostic_id" text NOT NULL,
	"theme_code" text NOT NULL,
	"description" jsonb NOT NULL,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"severity" integer NOT NULL,
	"affected_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"gender_dimension" text DEFAULT 'none' NOT NULL,
	"gender_note" jsonb,
	"evidence" jsonb,
	"evidence_url" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_challenge_severity_check" CHECK ("diagnostic_challenge"."severity" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "diagnostic_swot_item" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"diagnostic_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" jsonb NOT NULL,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostic" ADD CONSTRAINT "diagnostic_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_baseline" ADD CONSTRAINT "diagnostic_baseline_diagnostic_id_diagnostic_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."diagnostic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_challenge" ADD CONSTRAINT "diagnostic_challenge_diagnostic_id_diagnostic_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."diagnostic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_challenge" ADD CONSTRAINT "diagnostic_challenge_theme_code_challenge_theme_code_fk" FOREIGN KEY ("theme_code") REFERENCES "public"."challenge_theme"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_swot_item" ADD CONSTRAINT "diagnostic_swot_item_diagnostic_id_diagnostic_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."diagnostic"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_one_draft_idx" ON "diagnostic" USING btree ("cluster_id") WHERE "diagnostic"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "diagnostic_baseline_diagnostic_idx" ON "diagnostic_baseline" USING btree ("diagnostic_id","sort_order");--> statement-breakpoint
CREATE INDEX "diagnostic_challenge_diagnostic_idx" ON "diagnostic_challenge" USING btree ("diagnostic_id","sort_order");--> statement-breakpoint
CREATE INDEX "diagnostic_challenge_theme_idx" ON "diagnostic_challenge" USING btree ("theme_code");--> statement-breakpoint
CREATE INDEX "diagnostic_swot_item_diagnostic_idx" ON "diagnostic_swot_item" USING btree ("diagnostic_id","kind","sort_order");