/**
 * An event's follow-up (issue 5, item 5): the decisions taken, the actions agreed (owner, due date,
 * status, optionally a decision they carry out), the minutes (every saved text kept as a version
 * with its author and time; the latest is the minutes) and the documents (files of the shared file
 * store). Each item is public or staff-only: the event's managers see everything, everyone who may
 * read the event sees the public items.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../../shared/db/columns.ts';
import { storedFile } from '../../../shared/files/files.schema.ts';
import { organisation } from '../../directory/directory.schema.ts';
import { event } from '../events.schema.ts';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const eventDecision = pgTable(
  'event_decision',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    /** As written, in any language (shown with dir="auto"). */
    text: text('text').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    createdByUserId: text('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('event_decision_event_idx').on(t.eventId, t.decidedOn)],
);

export const eventAction = pgTable(
  'event_action',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    decisionId: text('decision_id').references(() => eventDecision.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The owner as named (a person or a body); with an account, `ownerUserId` too (told by mail). */
    ownerName: text('owner_name').notNull(),
    ownerUserId: text('owner_user_id'),
    ownerOrganisationId: text('owner_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<ActionStatus>().notNull().default('open'),
    isPublic: boolean('is_public').notNull().default(false),
    createdByUserId: text('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('event_action_event_idx').on(t.eventId, t.dueOn),
    index('event_action_open_idx').on(t.status, t.dueOn),
    check('event_action_status_check', sql`${t.status} in ('open', 'in-progress', 'done', 'dropped')`),
  ],
);

/** Every saved version of an event's minutes; the latest (by `createdAt`, then `id`) is current. */
export const eventMinutesVersion = pgTable(
  'event_minutes_version',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    authorUserId: text('author_user_id'),
    authorName: text('author_name'),
    createdAt: createdAt(),
  },
  (t) => [index('event_minutes_version_event_idx').on(t.eventId, t.createdAt)],
);

export const eventDocument = pgTable(
  'event_document',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    fileId: text('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    uploadedByUserId: text('uploaded_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('event_document_event_idx').on(t.eventId, t.createdAt)],
);
