/**
 * Personal calendar feeds (issue 5, item 7): calendar apps cannot send cookies, so each account
 * may have one secret feed address. Only the SHA-256 of its token is stored; renewing replaces it
 * (the old address stops working at once).
 */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from '../../../shared/db/columns.ts';
import { user } from '../../identity/identity.schema.ts';

export const calendarFeed = pgTable('calendar_feed', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  /** SHA-256 (hex) of the token in the feed's address. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});
