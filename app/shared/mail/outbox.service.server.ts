/**
 * Reading the outbox: mail kept when no SMTP server is configured. It holds verification and
 * password-reset links, so only platform admins (`mail.outbox.read`) may read it.
 */
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/can.ts';
import { getDb } from '../db/client.server.ts';
import { CommonErrors } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { outboxMailSchema, outboxPageSchema } from './mail.contracts.ts';
import { findOutboxMail, markOutboxMailRead, type OutboxMail, selectOutboxMail } from './outbox.repository.server.ts';

export const OUTBOX_PAGE_SIZE = 20;

export interface OutboxPage {
  mails: OutboxMail[];
  page: number;
  pageSize: number;
  hasNext: boolean;
}

function authorise(actor: Actor): void {
  if (actor.kind !== 'user' && actor.kind !== 'system') throw CommonErrors.unauthenticated();
  if (!can(actor, 'mail.outbox.read')) throw CommonErrors.forbidden();
}

/** Newest first, one page at a time. */
export async function listOutboxMail(actor: Actor, input: { page?: number | string }): Promise<OutboxPage> {
  authorise(actor);
  const { page } = parseInput(outboxPageSchema, input);
  const rows = await selectOutboxMail(getDb(), OUTBOX_PAGE_SIZE + 1, (page - 1) * OUTBOX_PAGE_SIZE);
  return { mails: rows.slice(0, OUTBOX_PAGE_SIZE), page, pageSize: OUTBOX_PAGE_SIZE, hasNext: rows.length > OUTBOX_PAGE_SIZE };
}

/** One mail, marked read the first time an admin opens it. */
export async function readOutboxMail(actor: Actor, input: { id: string }): Promise<OutboxMail> {
  authorise(actor);
  const { id } = parseInput(outboxMailSchema, input);
  const db = getDb();
  const mail = await findOutboxMail(db, id);
  if (!mail) throw CommonErrors.notFound();
  if (mail.readAt) return mail;
  await markOutboxMailRead(db, id);
  return { ...mail, readAt: new Date() };
}
