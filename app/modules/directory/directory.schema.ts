/** Reference data of the directory: countries and the CCI taxonomy (4 families, 11 subsectors). */
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { translatable } from '../../shared/db/columns.ts';

export const country = pgTable('country', {
  iso2: text('iso2').primaryKey(),
  name: translatable('name').notNull(),
});

export const sectorFamily = pgTable('sector_family', {
  code: text('code').primaryKey(),
  name: translatable('name').notNull(),
  position: integer('position').notNull().default(0),
});

export const subsector = pgTable('subsector', {
  code: text('code').primaryKey(),
  familyCode: text('family_code')
    .notNull()
    .references(() => sectorFamily.code),
  name: translatable('name').notNull(),
  position: integer('position').notNull().default(0),
});

/** Materials and techniques vocabulary; names in three languages, extended by later modules. */
export const material = pgTable('material', {
  code: text('code').primaryKey(),
  name: translatable('name').notNull(),
});
