/**
 * The facet counts of the unfiltered public directory (the landing page, the most viewed), kept
 * exact by statement-level triggers on `organisation` and `cluster_membership` (migration
 * `organisation-facet-count`), so the page reads a few dozen rows instead of counting 100,000.
 * One row per facet value with at least one published organisation: `facet` is a facet key of
 * `organisation-filters.ts` or `total` (value ''), `value` the code, the flag as `true`/`false`,
 * or the cluster's id for `cluster` (ids are stable; slugs and names are read from `cluster`).
 */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const organisationFacetCount = pgTable(
  'organisation_facet_count',
  {
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.facet, t.value] })],
);
