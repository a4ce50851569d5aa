/**
 * The search index (decision 0008). One `search_document` per searchable entity, written only by
 * database triggers (migration `search-triggers`), so every writer (services, import, seed) is
 * indexed with no extra call. `search_word` is the vocabulary of names and taxonomy terms for typo
 * matching (its trigram index finds "bethlehem" for "betlehem"); `search_synonym` adds trilingual
 * keywords to taxonomy terms ("bijoux" for silver); `search_taxonomy` holds each taxonomy term's
 * lexemes (names in three languages and keywords), computed once per term rather than per document.
 */
import { boolean, customType, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Translatable } from '../db/columns.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchDocument = pgTable(
  'search_document',
  {
    /** What the entity is (`organisation`, `cluster`, later kinds of other modules). */
    kind: text('kind').notNull(),
    entityId: text('entity_id').notNull(),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<Translatable>().notNull(),
    /** The start of the description in each language, for result snippets. */
    summary: jsonb('summary').$type<Translatable>().notNull().default({}),
    sourceLocale: text('source_locale').notNull().default('en'),
    countryIso2: text('country_iso2'),
    /** Whether visitors may find it (organisations: published only). */
    isPublic: boolean('is_public').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Names in every language in search form, separated by ` / `, for the similarity and exact-name parts of the rank. */
    names: text('names').notNull(),
    document: tsvector('document').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.entityId] }), index('search_document_document_idx').using('gin', t.document)],
);

/** Distinct words of indexed names and taxonomy terms (search form): what a misspelt query term is matched against. */
export const searchWord = pgTable(
  'search_word',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_word_trigram_idx').using('gin', t.word.op('gin_trgm_ops'))],
);

/** Keywords indexed with a taxonomy term, in each language (space-separated words). */
export const searchSynonym = pgTable(
  'search_synonym',
  {
    /** `subsector` or `material`. */
    subjectKind: text('subject_kind').notNull(),
    code: text('code').notNull(),
    terms: jsonb('terms').$type<Translatable>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectKind, t.code] })],
);

/** The lexemes (weight B) of a subsector, material or country: its names, its family's, its keywords. Derived; rebuilt by triggers. */
export const searchTaxonomy = pgTable(
  'search_taxonomy',
  {
    /** `subsector`, `material` or `country`. */
    subjectKind: text('subject_kind').notNull(),
    code: text('code').notNull(),
    vector: tsvector('vector').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectKind, t.code] })],
);
