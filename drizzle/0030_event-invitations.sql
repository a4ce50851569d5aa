CREATE TABLE "event_invitation" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"organisation_id" text,
	"person_id" text,
	"name" text,
	"email" text,
	"locale" text NOT NULL,
	"country_iso2" text,
	"organisation_type" text,
	"size_class" text,
	"women_led" boolean DEFAULT false NOT NULL,
	"gender" text,
	"source" text NOT NULL,
	"added_by_user_id" text,
	"sent_at" timestamp with time zone,
	"sent_by_user_id" text,
	"send_count" integer DEFAULT 0 NOT NULL,
	"last_sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_invitation_event_email_unique" UNIQUE("event_id","email"),
	CONSTRAINT "event_invitation_source_check" CHECK ("event_invitation"."source" in ('view', 'cluster', 'twins', 'organisation', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "event_invitation_link" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"invitation_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_invitation" ADD CONSTRAINT "event_invitation_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitation" ADD CONSTRAINT "event_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitation" ADD CONSTRAINT "event_invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitation_link" ADD CONSTRAINT "event_invitation_link_invitation_id_event_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."event_invitation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitation_event_org_person_unique" ON "event_invitation" USING btree ("event_id","organisation_id",coalesce("person_id", '')) WHERE "event_invitation"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "event_invitation_event_idx" ON "event_invitation" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_invitation_link_invitation_idx" ON "event_invitation_link" USING btree ("invitation_id");