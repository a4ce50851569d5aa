/**
 * Personal calendar feeds (issue 5, item 7): the events a person is registered for (confirmed or
 * on the waiting list), at a secret address a calendar app can poll without cookies. The token is
 * shown once, when it is made; only its SHA-256 is stored; making a new one ends the old one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { calendarEventOf } from '../events.service.server.ts';
import { findFeedByHash, findFeedByUser, selectRegisteredEvents, upsertFeedToken } from './calendar-feed.repository.server.ts';
import { buildEventCalendar } from './event-calendar.ts';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `/{locale}/events/feeds/{token}.ics` */
export function personalFeedPath(locale: Locale, token: string): string {
  return `/${locale}/events/feeds/${token}.ics`;
}

/** Makes the account's feed token, or a new one (the old address stops working). The token is returned once. */
export async function renewPersonalFeed(actor: Actor): Promise<{ token: string }> {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const token = randomBytes(24).toString('base64url');
  await getDb().transaction(async (tx) => {
    const before = await findFeedByUser(tx, actor.userId);
    await upsertFeedToken(tx, actor.userId, hashFeedToken(token));
    await recordAudit(tx, actor, {
      action: before ? 'events.feed.renew' : 'events.feed.create',
      subjectType: 'calendar_feed',
      subjectId: actor.userId,
    });
  });
  return { token };
}

export async function hasPersonalFeed(actor: Actor): Promise<boolean> {
  return actor.kind === 'user' && (await findFeedByUser(getDb(), actor.userId)) !== undefined;
}

/** The iCalendar feed behind a token (EVENTS_FEED_NOT_FOUND, 404, for an unknown or renewed one). */
export async function personalCalendarFeed(token: string, locale: Locale, name: string): Promise<string> {
  const db = getDb();
  const feed = TOKEN.test(token) ? await findFeedByHash(db, hashFeedToken(token)) : undefined;
  if (!feed) throw new AppError('EVENTS_FEED_NOT_FOUND', 404);
  const events = await selectRegisteredEvents(db, feed.userId);
  return buildEventCalendar({ name, events: events.map((row) => calendarEventOf(row, locale)) });
}
