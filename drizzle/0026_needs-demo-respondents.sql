CREATE TABLE "needs_survey_respondent" (
	"response_id" text PRIMARY KEY NOT NULL,
	"organisation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "needs_survey" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "needs_survey_respondent" ADD CONSTRAINT "needs_survey_respondent_response_id_form_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."form_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_survey_respondent" ADD CONSTRAINT "needs_survey_respondent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "needs_survey_respondent_organisation_idx" ON "needs_survey_respondent" USING btree ("organisation_id");