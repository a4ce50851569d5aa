/**
 * Forms as stored (decision 0011): a form owned by a scope, its versions as JSON definitions
 * (unique per form and number, at most one draft, published rows never updated) and the
 * responses, each tied to the version it was given against.
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, translatable, updatedAt } from '../../shared/db/columns.ts';

/** Who may manage a form: programme staff everywhere, or those whose grant covers this country or cluster. */
export type FormScopeType = 'global' | 'country' | 'cluster';
export type FormResponseStatus = 'draft' | 'submitted';

export const form = pgTable('form', {
  id: id(),
  code: text('code').notNull().unique(),
  scopeType: text('scope_type').$type<FormScopeType>().notNull(),
  /** The country's ISO code or the cluster's slug; null for a global form. */
  scopeId: text('scope_id'),
  title: translatable('title').notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const formVersion = pgTable(
  'form_version',
  {
    id: id(),
    formId: text('form_id')
      .notNull()
      .references(() => form.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** A `FormDefinition` (forms.contracts.ts), checked by the service. */
    definition: jsonb('definition').notNull(),
    /** Null while a draft; once set, the row never changes. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('form_version_form_version_unique').on(t.formId, t.version),
    uniqueIndex('form_version_one_draft_idx').on(t.formId).where(sql`${t.publishedAt} is null`),
  ],
);

export const formResponse = pgTable(
  'form_response',
  {
    id: id(),
    formId: text('form_id').notNull(),
    /** The version the response was started with: the only one it is read with. */
    version: integer('version').notNull(),
    /** Question code -> answer, cleaned by `validateAnswers`. */
    answers: jsonb('answers').notNull().default({}),
    status: text('status').$type<FormResponseStatus>().notNull().default('draft'),
    respondentUserId: text('respondent_user_id'),
    /** Staff who entered the answers for the respondent (assisted entry). */
    enteredByUserId: text('entered_by_user_id'),
    currentPage: text('current_page'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'form_response_version_fk',
      columns: [t.formId, t.version],
      foreignColumns: [formVersion.formId, formVersion.version],
    }).onDelete('cascade'),
    index('form_response_form_idx').on(t.formId, t.version),
    index('form_response_respondent_idx').on(t.respondentUserId),
  ],
);
