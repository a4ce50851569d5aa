/**
 * Workshop outputs as needs records (issue 5, item 5): the challenges and training needs that
 * facilitators capture during an event, and the participants' dot votes on the challenges. The
 * votes of a closed voting feed the priority synthesis (the workshop signal, decision 0012).
 *
 * - `workshop_voting`: one row per event once its facilitator set it up: the dots each participant
 *   has, and whether voting is open or closed. Capture is editable until voting closes.
 * - `workshop_challenge`: a theme of the taxonomy, a description in any language, the event's
 *   clusters that raised it (`workshop_challenge_cluster`; none listed means all of them).
 * - `workshop_training_need`: a topic and a format of the needs survey's training vocabulary.
 * - `workshop_vote`: the dots one participant (a confirmed registration) put on one challenge. A
 *   participant's dots never exceed the voting's number: the service locks the registration row
 *   while it changes them, and each row is positive.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../../shared/db/columns.ts';
// Foreign keys only: workshop outputs point at the clusters that raised a challenge,
import { cluster } from '../../directory/directory.schema.ts';
// at the event and at its registrations (the voters); nothing else of those modules is used.
import { event, eventRegistration } from '../../events/events.schema.ts';
import { challengeTheme } from '../needs.schema.ts';

export const VOTING_STATUSES = ['not-open', 'open', 'closed'] as const;
export type VotingStatus = (typeof VOTING_STATUSES)[number];

export const workshopVoting = pgTable(
  'workshop_voting',
  {
    eventId: text('event_id')
      .primaryKey()
      .references(() => event.id, { onDelete: 'cascade' }),
    /** The dots each participant spreads over the challenges. */
    dots: integer('dots').notNull().default(3),
    status: text('status').$type<VotingStatus>().notNull().default('not-open'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('workshop_voting_status_check', sql`${t.status} in ('not-open', 'open', 'closed')`),
    check('workshop_voting_dots_check', sql`${t.dots} between 1 and 20`),
  ],
);

export const workshopChallenge = pgTable(
  'workshop_challenge',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    themeCode: text('theme_code')
      .notNull()
      .references(() => challengeTheme.code),
    /** As the facilitator wrote it, in any language (shown with dir="auto"). */
    description: text('description').notNull(),
    sourceLocale: text('source_locale').notNull().default('en'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdByUserId: text('created_by_user_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('workshop_challenge_event_idx').on(t.eventId, t.sortOrder), index('workshop_challenge_theme_idx').on(t.themeCode)],
);

/** The event's clusters that raised a challenge; a challenge with none listed was raised by all of them. */
export const workshopChallengeCluster = pgTable(
  'workshop_challenge_cluster',
  {
    challengeId: text('challenge_id')
      .notNull()
      .references(() => workshopChallenge.id, { onDelete: 'cascade' }),
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.clusterId] })],
);

export const workshopTrainingNeed = pgTable(
  'workshop_training_need',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    /** A code of the needs survey's training topics (TRAINING_TOPICS) and formats (TRAINING_FORMATS). */
    topic: text('topic').notNull(),
    format: text('format').notNull(),
    description: text('description').notNull().default(''),
    sourceLocale: text('source_locale').notNull().default('en'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdByUserId: text('created_by_user_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('workshop_training_need_event_idx').on(t.eventId, t.sortOrder)],
);

export const workshopVote = pgTable(
  'workshop_vote',
  {
    registrationId: text('registration_id')
      .notNull()
      .references(() => eventRegistration.id, { onDelete: 'cascade' }),
    challengeId: text('challenge_id')
      .notNull()
      .references(() => workshopChallenge.id, { onDelete: 'cascade' }),
    /** Denormalised from the challenge, so an event's results are one indexed read. */
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    dots: integer('dots').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.challengeId] }),
    index('workshop_vote_event_idx').on(t.eventId),
    index('workshop_vote_challenge_idx').on(t.challengeId),
    check('workshop_vote_dots_check', sql`${t.dots} between 1 and 20`),
  ],
);
