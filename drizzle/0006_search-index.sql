CREATE TABLE "search_document" (
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_locale" text DEFAULT 'en' NOT NULL,
	"country_iso2" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"names" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_document_kind_entity_id_pk" PRIMARY KEY("kind","entity_id")
);
--> statement-breakpoint
CREATE TABLE "search_synonym" (
	"subject_kind" text NOT NULL,
	"code" text NOT NULL,
	"terms" jsonb NOT NULL,
	CONSTRAINT "search_synonym_subject_kind_code_pk" PRIMARY KEY("subject_kind","code")
);
--> statement-breakpoint
CREATE TABLE "search_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_document_document_idx" ON "search_document" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_document_names_idx" ON "search_document" USING gin ("names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_document_slug_idx" ON "search_document" USING btree ("kind","slug");--> statement-breakpoint
CREATE INDEX "search_word_trigram_idx" ON "search_word" USING gin ("word" gin_trgm_ops);