CREATE TABLE "event" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"host_cluster_id" text,
	"country_iso2" text,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"format" text DEFAULT 'in-person' NOT NULL,
	"venue_name" jsonb,
	"venue_address" text,
	"city" jsonb,
	"time_zone" text NOT NULL,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"capacity" integer,
	"waitlist_enabled" boolean DEFAULT true NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"registration_form_id" text,
	"women_target_percent" integer DEFAULT 40 NOT NULL,
	"created_by_user_id" text,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_slug_unique" UNIQUE("slug"),
	CONSTRAINT "event_type_check" CHECK ("event"."type" in ('cluster-workshop', 'thematic-workshop', 'regional-workshop', 'training', 'webinar', 'fair')),
	CONSTRAINT "event_status_check" CHECK ("event"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "event_format_check" CHECK ("event"."format" in ('in-person', 'online', 'hybrid')),
	CONSTRAINT "event_visibility_check" CHECK ("event"."visibility" in ('public', 'invitation')),
	CONSTRAINT "event_times_check" CHECK ("event"."ends_at" > "event"."starts_at"),
	CONSTRAINT "event_capacity_check" CHECK ("event"."capacity" is null or "event"."capacity" >= 0),
	CONSTRAINT "event_women_target_check" CHECK ("event"."women_target_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "event_cluster" (
	"event_id" text NOT NULL,
	"cluster_id" text NOT NULL,
	CONSTRAINT "event_cluster_event_id_cluster_id_pk" PRIMARY KEY("event_id","cluster_id")
);
--> statement-breakpoint
CREATE TABLE "event_registration" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"user_id" text,
	"organisation_id" text,
	"person_id" text,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"gender" text,
	"country_iso2" text,
	"status" text NOT NULL,
	"form_response_id" text,
	"consent_listed" boolean DEFAULT false NOT NULL,
	"consent_photographed" boolean DEFAULT false NOT NULL,
	"invitation_id" text,
	"check_in_code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"decided_by_user_id" text,
	"confirmed_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registration_check_in_code_unique" UNIQUE("check_in_code"),
	CONSTRAINT "event_registration_event_email_unique" UNIQUE("event_id","email"),
	CONSTRAINT "event_registration_status_check" CHECK ("event_registration"."status" in ('pending', 'confirmed', 'waiting', 'declined', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "event_session" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"room" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"interpretation" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_session_times_check" CHECK ("event_session"."ends_at" > "event_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_speaker" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"session_id" text NOT NULL,
	"name" text NOT NULL,
	"affiliation" jsonb,
	"organisation_id" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_host_cluster_id_cluster_id_fk" FOREIGN KEY ("host_cluster_id") REFERENCES "public"."cluster"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_country_iso2_country_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."country"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_registration_form_id_form_id_fk" FOREIGN KEY ("registration_form_id") REFERENCES "public"."form"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_cluster" ADD CONSTRAINT "event_cluster_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_cluster" ADD CONSTRAINT "event_cluster_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registration" ADD CONSTRAINT "event_registration_form_response_id_form_response_id_fk" FOREIGN KEY ("form_response_id") REFERENCES "public"."form_response"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session" ADD CONSTRAINT "event_session_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speaker" ADD CONSTRAINT "event_speaker_session_id_event_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speaker" ADD CONSTRAINT "event_speaker_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_starts_at_idx" ON "event" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "event_host_cluster_idx" ON "event" USING btree ("host_cluster_id");--> statement-breakpoint
CREATE INDEX "event_country_idx" ON "event" USING btree ("country_iso2");--> statement-breakpoint
CREATE INDEX "event_cluster_cluster_idx" ON "event_cluster" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "event_registration_event_status_idx" ON "event_registration" USING btree ("event_id","status","seq");--> statement-breakpoint
CREATE INDEX "event_registration_user_idx" ON "event_registration" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_session_event_idx" ON "event_session" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_speaker_session_idx" ON "event_speaker" USING btree ("session_id","position");