CREATE TABLE "workshop_challenge" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"theme_code" text NOT NULL,
	"description" text NOT NULL,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_challenge_cluster" (
	"challenge_id" text NOT NULL,
	"cluster_id" text NOT NULL,
	CONSTRAINT "workshop_challenge_cluster_challenge_id_cluster_id_pk" PRIMARY KEY("challenge_id","cluster_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_training_need" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"event_id" text NOT NULL,
	"topic" text NOT NULL,
	"format" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_vote" (
	"registration_id" text NOT NULL,
	"challenge_id" text NOT NULL,
	"event_id" text NOT NULL,
	"dots" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_vote_registration_id_challenge_id_pk" PRIMARY KEY("registration_id","challenge_id"),
	CONSTRAINT "workshop_vote_dots_check" CHECK ("workshop_vote"."dots" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "workshop_voting" (
	"event_id" text PRIMARY KEY NOT NULL,
	"dots" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'not-open' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_voting_status_check" CHECK ("workshop_voting"."status" in ('not-open', 'open', 'closed')),
	CONSTRAINT "workshop_voting_dots_check" CHECK ("workshop_voting"."dots" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "workshop_challenge" ADD CONSTRAINT "workshop_challenge_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_challenge" ADD CONSTRAINT "workshop_challenge_theme_code_challenge_theme_code_fk" FOREIGN KEY ("theme_code") REFERENCES "public"."challenge_theme"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_challenge_cluster" ADD CONSTRAINT "workshop_challenge_cluster_challenge_id_workshop_challenge_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."workshop_challenge"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_challenge_cluster" ADD CONSTRAINT "workshop_challenge_cluster_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_training_need" ADD CONSTRAINT "workshop_training_need_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_vote" ADD CONSTRAINT "workshop_vote_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_vote" ADD CONSTRAINT "workshop_vote_challenge_id_workshop_challenge_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."workshop_challenge"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_vote" ADD CONSTRAINT "workshop_vote_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_voting" ADD CONSTRAINT "workshop_voting_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_challenge_event_idx" ON "workshop_challenge" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "workshop_challenge_theme_idx" ON "workshop_challenge" USING btree ("theme_code");--> statement-breakpoint
CREATE INDEX "workshop_training_need_event_idx" ON "workshop_training_need" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "workshop_vote_event_idx" ON "workshop_vote" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "workshop_vote_challenge_idx" ON "workshop_vote" USING btree ("challenge_id");