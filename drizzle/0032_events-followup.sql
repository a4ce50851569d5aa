CREATE TABLE "event_action" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"decision_id" text,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" text,
	"owner_organisation_id" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_action_status_check" CHECK ("event_action"."status" in ('open', 'in-progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "event_decision" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"text" text NOT NULL,
	"decided_on" date NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_document" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"file_id" text NOT NULL,
	"title" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"uploaded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_minutes_version" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"body" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"author_user_id" text,
	"author_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_action" ADD CONSTRAINT "event_action_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_action" ADD CONSTRAINT "event_action_decision_id_event_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."event_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_action" ADD CONSTRAINT "event_action_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_decision" ADD CONSTRAINT "event_decision_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_document" ADD CONSTRAINT "event_document_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_document" ADD CONSTRAINT "event_document_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_minutes_version" ADD CONSTRAINT "event_minutes_version_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_action_event_idx" ON "event_action" USING btree ("event_id","due_on");--> statement-breakpoint
CREATE INDEX "event_action_open_idx" ON "event_action" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "event_decision_event_idx" ON "event_decision" USING btree ("event_id","decided_on");--> statement-breakpoint
CREATE INDEX "event_document_event_idx" ON "event_document" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_minutes_version_event_idx" ON "event_minutes_version" USING btree ("event_id","created_at");