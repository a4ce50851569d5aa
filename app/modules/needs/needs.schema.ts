/**
 * The challenge taxonomy of the needs work: themes that diagnostics, survey answers and the
 * priority synthesis are tagged with. A theme's code is its stable identifier (records point at
 * it), so themes are archived, never deleted, and their names may be edited by staff.
 */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, translatable, updatedAt } from '../../shared/db/columns.ts';

export const challengeTheme = pgTable('challenge_theme', {
  /** Lower-case English kebab-case (`access-to-finance`); never changes once given. */
  code: text('code').primaryKey(),
  name: translatable('name').notNull(),
  description: translatable('description'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Set when staff retire a theme: it leaves the public list but records keep pointing at it. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
