CREATE TABLE "organisation_facet_count" (
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "organisation_facet_count_facet_value_pk" PRIMARY KEY("facet","value")
);
