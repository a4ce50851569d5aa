/**
 * The challenge taxonomy of the needs work: themes that diagnostics, survey answers and the
 * priority synthesis are tagged with. A theme's code is its stable identifier (records point at
 * it), so themes are archived, never deleted, and their names may be edited by staff.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, translatable, updatedAt } from '../../shared/db/columns.ts';
// biome-ignore lint/style/noRestrictedImports: a diagnostic's foreign key to its cluster needs the table; nothing else is used.
import { cluster, organisation } from '../directory/directory.schema.ts';
// biome-ignore lint/style/noRestrictedImports: a needs survey's foreign key to its form needs the table; nothing else is used.
import { form, formResponse } from '../forms/forms.schema.ts';

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

/*
 * Cluster diagnostics (issue 4, item 3): a cluster's challenges, SWOT and baseline figures, in
 * dated rounds. A round is a draft until endorsed; an endorsed round never changes again (editing
 * starts a new round copied from it). At most one draft per cluster. The vocabularies (severity,
 * affected groups, gender dimension, SWOT kinds, baseline indicators and units) are checked by
 * app/modules/needs/diagnostics/diagnostics.contracts.ts.
 */
export type DiagnosticStatus = 'draft' | 'endorsed';
export type GenderDimension = 'none' | 'women-more' | 'men-more' | 'women-barrier';
export type SwotKind = 'strength' | 'weakness' | 'opportunity' | 'threat';

export const diagnostic = pgTable(
  'diagnostic',
  {
    id: id(),
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per cluster, in the order rounds were started. */
    round: integer('round').notNull(),
    /** The day the diagnostic describes (fieldwork or the validation workshop). */
    diagnosedOn: date('diagnosed_on', { mode: 'string' }).notNull(),
    status: text('status').$type<DiagnosticStatus>().notNull().default('draft'),
    /** Who endorsed it, as the manager recorded them (a steering committee chair, say). */
    endorsedByName: text('endorsed_by_name'),
    endorsedByRole: text('endorsed_by_role'),
    /** The account that recorded the endorsement. */
    endorsedByUserId: text('endorsed_by_user_id'),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true }),
    /** The endorsed round this one was copied from. */
    basedOnId: text('based_on_id'),
    createdByUserId: text('created_by_user_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('diagnostic_cluster_round_unique').on(t.clusterId, t.round),
    uniqueIndex('diagnostic_one_draft_idx').on(t.clusterId).where(sql`${t.status} = 'draft'`),
    check('diagnostic_status_check', sql`${t.status} in ('draft', 'endorsed')`),
  ],
);

export const diagnosticChallenge = pgTable(
  'diagnostic_challenge',
  {
    id: id(),
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnostic.id, { onDelete: 'cascade' }),
    themeCode: text('theme_code')
      .notNull()
      .references(() => challengeTheme.code),
    description: translatable('description').notNull(),
    sourceLocale: text('source_locale').notNull().default('en'),
    /** 1 low, 2 moderate, 3 high, 4 critical. */
    severity: integer('severity').notNull(),
    /** Codes of the groups affected (`micro-firms`, `women-artisans`, …). */
    affectedGroups: text('affected_groups').array().notNull().default(sql`'{}'::text[]`),
    genderDimension: text('gender_dimension').$type<GenderDimension>().notNull().default('none'),
    genderNote: translatable('gender_note'),
    evidence: translatable('evidence'),
    evidenceUrl: text('evidence_url'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('diagnostic_challenge_diagnostic_idx').on(t.diagnosticId, t.sortOrder),
    index('diagnostic_challenge_theme_idx').on(t.themeCode),
    check('diagnostic_challenge_severity_check', sql`${t.severity} between 1 and 4`),
  ],
);

export const diagnosticSwotItem = pgTable(
  'diagnostic_swot_item',
  {
    id: id(),
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnostic.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SwotKind>().notNull(),
    text: translatable('text').notNull(),
    sourceLocale: text('source_locale').notNull().default('en'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('diagnostic_swot_item_diagnostic_idx').on(t.diagnosticId, t.kind, t.sortOrder)],
);

export const diagnosticBaseline = pgTable(
  'diagnostic_baseline',
  {
    id: id(),
    diagnosticId: text('diagnostic_id')
      .notNull()
      .references(() => diagnostic.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    value: doublePrecision('value').notNull(),
    /** `count`, `percent` or an ISO 4217 currency code. */
    unit: text('unit').notNull(),
    year: integer('year').notNull(),
    source: text('source'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('diagnostic_baseline_diagnostic_idx').on(t.diagnosticId, t.sortOrder)],
);

/**
 * Which forms are needs surveys (made from the template, `needs-survey.ts`): the priority synthesis
 * reads their submitted responses. A survey is a form of the forms module; its scope (a cluster, a
 * country, the programme) is the form's.
 */
export const needsSurvey = pgTable('needs_survey', {
  formId: text('form_id')
    .primaryKey()
    .references(() => form.id, { onDelete: 'cascade' }),
  /** Made up for the demo (the demo seed's surveys and their answers): shown with a badge, never passed off as real. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

/**
 * The organisation a needs survey response speaks for, when known (the demo answers write it; an
 * answer through an invitation may too). Read by the drill-down to the evidence; the tally does not
 * depend on it.
 */
export const needsSurveyRespondent = pgTable(
  'needs_survey_respondent',
  {
    responseId: text('response_id')
      .primaryKey()
      .references(() => formResponse.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('needs_survey_respondent_organisation_idx').on(t.organisationId)],
);

/**
 * The submitted answers of cluster needs surveys, counted (decision 0012): per cluster, gender and
 * size, the respondents who answered the challenges question (`theme` = ''), and per theme the
 * respondents naming it with the sum and number of severities they gave. Kept exact by a trigger
 * on `form_response` (migration 0025), so the synthesis reads a few hundred rows whatever the
 * number of responses. An unanswered gender or size is ''.
 */
export const needsSurveyTally = pgTable(
  'needs_survey_tally',
  {
    clusterSlug: text('cluster_slug').notNull(),
    gender: text('gender').notNull(),
    size: text('size').notNull(),
    theme: text('theme').notNull(),
    respondents: integer('respondents').notNull(),
    severitySum: integer('severity_sum').notNull(),
    severityAnswers: integer('severity_answers').notNull(),
    /**
     * The respondents' country (migration 0027): the cluster's for a cluster survey, the invited
     * organisation's for an answer through an invitation, whose `cluster_slug` is '' when the
     * organisation belongs to no cluster (it then counts for its country and the region only).
     */
    country: text('country').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.clusterSlug, t.country, t.gender, t.size, t.theme] })],
);

/*
 * Sending needs surveys (issue 4, item 4): one invitation per address and survey (never two), the
 * organisation it speaks for with what the synthesis attributes its answer to (country, one
 * cluster, size class, the person's gender if known, copied when sent), the response it holds
 * once started, and when it was opened, answered and reminded. Its personal links are random
 * tokens of which only a SHA-256 hash is kept (`survey_invitation_link`): a reminder carries a
 * new link and the earlier ones keep working until the invitation expires or is revoked.
 */
export const surveyInvitation = pgTable(
  'survey_invitation',
  {
    id: id(),
    formId: text('form_id')
      .notNull()
      .references(() => form.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    /** The directory person written to, or null when the organisation's own address was used. */
    personId: text('person_id'),
    /** The person's account, when they have one: the survey shows in their account too. */
    userId: text('user_id'),
    /** Lower-cased: one invitation per address and survey. */
    email: text('email').notNull(),
    /** The language of the mails and of the link's pages (the person's preference, else the sender's choice). */
    locale: text('locale').notNull(),
    name: text('name'),
    /** Attribution, as the directory said when sent (the answer's own gender and size take precedence). */
    countryIso2: text('country_iso2').notNull(),
    clusterSlug: text('cluster_slug'),
    sizeClass: text('size_class'),
    gender: text('gender'),
    /** The response it holds (no foreign key: the tally trigger must still see it when a response is deleted). */
    responseId: text('response_id').unique(),
    sentByUserId: text('sent_by_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    reminderCount: integer('reminder_count').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [unique('survey_invitation_form_email_unique').on(t.formId, t.email), index('survey_invitation_user_idx').on(t.userId)],
);

export const surveyInvitationLink = pgTable(
  'survey_invitation_link',
  {
    /** SHA-256 of the token, hex. */
    tokenHash: text('token_hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => surveyInvitation.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('survey_invitation_link_invitation_idx').on(t.invitationId)],
);
