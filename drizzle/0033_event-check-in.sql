CREATE TABLE "event_check_in" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"registration_id" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_by_user_id" text,
	"source" text NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_user_id" text,
	CONSTRAINT "event_check_in_source_check" CHECK ("event_check_in"."source" in ('online', 'offline'))
);
--> statement-breakpoint
ALTER TABLE "event_check_in" ADD CONSTRAINT "event_check_in_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_check_in" ADD CONSTRAINT "event_check_in_registration_id_event_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_check_in_registration_unique" ON "event_check_in" USING btree ("registration_id") WHERE "event_check_in"."undone_at" is null;--> statement-breakpoint
CREATE INDEX "event_check_in_event_idx" ON "event_check_in" USING btree ("event_id","received_at");