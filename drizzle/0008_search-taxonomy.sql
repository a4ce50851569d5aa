CREATE TABLE "search_taxonomy" (
	"subject_kind" text NOT NULL,
	"code" text NOT NULL,
	"vector" "tsvector" NOT NULL,
	CONSTRAINT "search_taxonomy_subject_kind_code_pk" PRIMARY KEY("subject_kind","code")
);
--> statement-breakpoint
DROP INDEX "search_document_names_idx";