CREATE TABLE "form" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"code" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text,
	"title" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "form_response" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"form_id" text NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"respondent_user_id" text,
	"entered_by_user_id" text,
	"current_page" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "form_version" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"form_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_version_form_version_unique" UNIQUE("form_id","version")
);
--> statement-breakpoint
ALTER TABLE "form_response" ADD CONSTRAINT "form_response_version_fk" FOREIGN KEY ("form_id","version") REFERENCES "public"."form_version"("form_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_version" ADD CONSTRAINT "form_version_form_id_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."form"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_response_form_idx" ON "form_response" USING btree ("form_id","version");--> statement-breakpoint
CREATE INDEX "form_response_respondent_idx" ON "form_response" USING btree ("respondent_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_version_one_draft_idx" ON "form_version" USING btree ("form_id") WHERE "form_version"."published_at" is null;