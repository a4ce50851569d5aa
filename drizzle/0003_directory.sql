CREATE TABLE "cluster" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"country_iso2" text NOT NULL,
	"city" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	"subsector_code" text NOT NULL,
	"material_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" text DEFAULT 'mapped' NOT NULL,
	"anchor_organisation_id" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"logo_file_id" text,
	"photo_file_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "cluster_fact" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"cluster_id" text NOT NULL,
	"text" jsonb NOT NULL,
	"source_url" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_membership" (
	"cluster_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_membership_cluster_id_organisation_id_pk" PRIMARY KEY("cluster_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"type" text NOT NULL,
	"size_class" text,
	"founded_year" integer,
	"country_iso2" text NOT NULL,
	"city" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	"subsector_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"material_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"products" jsonb,
	"markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"value_chain_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"staff_total" integer,
	"staff_women" integer,
	"staff_men" integer,
	"women_led" boolean DEFAULT false NOT NULL,
	"women_owned" boolean DEFAULT false NOT NULL,
	"youth_led" boolean DEFAULT false NOT NULL,
	"address" text,
	"email" text,
	"phone" text,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"logo_file_id" text,
	"photo_file_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"proposed_by_id" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "organisation_claim" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"organisation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_id" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"organisation_id" text,
	"user_id" text,
	"full_name" text NOT NULL,
	"job_title" jsonb,
	"gender" text,
	"email" text,
	"phone" text,
	"listed_consent" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_country_iso2_country_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."country"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_subsector_code_subsector_code_fk" FOREIGN KEY ("subsector_code") REFERENCES "public"."subsector"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_anchor_organisation_id_organisation_id_fk" FOREIGN KEY ("anchor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_logo_file_id_stored_file_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_fact" ADD CONSTRAINT "cluster_fact_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_membership" ADD CONSTRAINT "cluster_membership_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_membership" ADD CONSTRAINT "cluster_membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_country_iso2_country_iso2_fk" FOREIGN KEY ("country_iso2") REFERENCES "public"."country"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_logo_file_id_stored_file_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."stored_file"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_claim" ADD CONSTRAINT "organisation_claim_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_country_idx" ON "cluster" USING btree ("country_iso2");--> statement-breakpoint
CREATE INDEX "cluster_subsector_idx" ON "cluster" USING btree ("subsector_code");--> statement-breakpoint
CREATE INDEX "cluster_fact_cluster_idx" ON "cluster_fact" USING btree ("cluster_id","position");--> statement-breakpoint
CREATE INDEX "cluster_membership_organisation_idx" ON "cluster_membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_country_idx" ON "organisation" USING btree ("country_iso2");--> statement-breakpoint
CREATE INDEX "organisation_type_idx" ON "organisation" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organisation_status_idx" ON "organisation" USING btree ("status");--> statement-breakpoint
CREATE INDEX "organisation_subsectors_idx" ON "organisation" USING gin ("subsector_codes");--> statement-breakpoint
CREATE INDEX "organisation_materials_idx" ON "organisation" USING gin ("material_codes");--> statement-breakpoint
CREATE INDEX "organisation_email_idx" ON "organisation" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "organisation_phone_idx" ON "organisation" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "organisation_claim_status_idx" ON "organisation_claim" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_claim_pending_idx" ON "organisation_claim" USING btree ("organisation_id","user_id") WHERE "organisation_claim"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "person_organisation_idx" ON "person" USING btree ("organisation_id");