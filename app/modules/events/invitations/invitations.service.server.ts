/**
 * Invitations to an event (issue 5, item 2). Those who manage the event (`events.manage` over it)
 * build its invitation list from a directory view, a cluster's members (any cluster, so
 * counterparts from other countries can join), the twins finder of a cluster or an organisation,
 * or one organisation found by name; each person of those organisations once (the organisation's
 * own address when it has no people), with what the balance counts copied from the directory.
 * The balance (gender, women-led, country, type, size) is computed on every read and for a
 * preview before adding. Sending mails a personal link (a random token, only its hash kept) in
 * each invitee's language, once per entry; a resend carries a new link to those who have not
 * answered. The link page (no sign-in) marks the invitation opened and lets the invitee decline;
 * registering through it is registration's (B), which calls `markInvitationResponded`.
 * Every write is audited.
 */
import {
  findClusterTwins,
  findOrganisationTwins,
  organisationFiltersSchema,
  organisationIdsInView,
  searchParamsToInput,
} from '#app/modules/directory/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { queueMail } from '#app/shared/mail/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canManageEvent } from '../events.policy.ts';
import { findEventBySlug, type LoadedEvent } from '../events-core.repository.server.ts';
import { computeBalance, genderGroup, type InvitationBalance } from './invitation-balance.ts';
import { markInvitationResponded } from './invitation-link.server.ts';
import { hashInvitationToken, INVITATION_TOKEN_PATTERN, newInvitationToken } from './invitation-token.ts';
import {
  type AddInvitationsInput,
  type AddInvitationsResult,
  addInvitationsInputSchema,
  type InvitationCounts,
  type InvitationEntry,
  type InvitationList,
  type SendInvitationsInput,
  type SendInvitationsResult,
  sendInvitationsInputSchema,
  type WomenTargetInput,
  womenTargetInputSchema,
} from './invitations.contracts.ts';
import {
  countWithoutAddress,
  deleteEntry,
  type EntryRow,
  findByTokenHash,
  findEntry,
  type InvitationCandidate,
  type InvitationRow,
  insertEntries,
  insertLink,
  markOpened,
  markSent,
  revokeEntry,
  selectCandidates,
  selectClusterMemberIds,
  selectEntries,
  selectListedKeys,
  selectSendable,
  updateWomenTarget,
} from './invitations.repository.server.ts';
import { entryState, invitedPath, planEntries, sharePath } from './invitations.ts';

/** One add reaches at most this many organisations (a larger directory view is refused: narrow it). */
export const MAX_ORGANISATIONS_PER_ADD = 500;
/** The twins finder's pages read for one add (20 organisations each). */
const TWINS_PAGES = 3;
/** For a cluster's twins, the members of this many best-matched clusters abroad join too. */
const TWIN_CLUSTERS = 3;

/** The event `slug`, once the actor manages it (deny by default). */
async function managedEvent(executor: Executor, actor: Actor, slug: string, options: { forUpdate?: boolean } = {}): Promise<LoadedEvent> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const found = await findEventBySlug(executor, slug, options);
  if (!found) throw new AppError('EVENTS_INVITATION_EVENT_NOT_FOUND', 404, { event: slug });
  if (!canManageEvent(actor, found)) throw CommonErrors.forbidden();
  return found;
}

function fieldError(code: string, field: string, status = 400, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, status, { ...extra, fields: [{ field, code }] });
}

type ParsedAdd = ReturnType<typeof addInvitationsInputSchema.parse>;

/** The organisations a source names. */
async function sourceOrganisations(actor: Actor, parsed: ParsedAdd): Promise<string[]> {
  const db = getDb();
  switch (parsed.source) {
    case 'view': {
      const filters = organisationFiltersSchema.safeParse(searchParamsToInput(new URLSearchParams(parsed.query)));
      if (!filters.success) throw fieldError('EVENTS_INVITATION_QUERY_INVALID', 'query');
      const ids = await organisationIdsInView({ ...filters.data, page: 1 }, MAX_ORGANISATIONS_PER_ADD + 1);
      if (ids.length > MAX_ORGANISATIONS_PER_ADD)
        throw fieldError('EVENTS_INVITATION_TOO_MANY', 'query', 400, { max: MAX_ORGANISATIONS_PER_ADD });
      return ids;
    }
    case 'cluster': {
      if (!parsed.cluster) throw fieldError('EVENTS_INVITATION_CLUSTER_REQUIRED', 'cluster');
      const ids = await selectClusterMemberIds(db, parsed.cluster);
      if (!ids) throw fieldError('EVENTS_INVITATION_CLUSTER_NOT_FOUND', 'cluster', 404);
      return ids;
    }
    case 'twins': {
      if (!parsed.twinsOf || !parsed.slug) throw fieldError('EVENTS_INVITATION_TWINS_REQUIRED', 'slug');
      const find = parsed.twinsOf === 'cluster' ? findClusterTwins : findOrganisationTwins;
      const ids: string[] = [];
      for (let page = 1; page <= TWINS_PAGES; page += 1) {
        const result = await find(actor, parsed.slug, { country: parsed.country, page }).catch((error: unknown) => {
          if (error instanceof AppError && error.status === 404) throw fieldError('EVENTS_INVITATION_TWINS_NOT_FOUND', 'slug', 404);
          throw error;
        });
        // A cluster's counterparts are also the members of its best-matched clusters abroad.
        if (page === 1 && parsed.twinsOf === 'cluster')
          for (const twin of result.clusters.slice(0, TWIN_CLUSTERS))
            ids.push(...((await selectClusterMemberIds(db, twin.cluster.slug)) ?? []));
        ids.push(...result.organisations.items.map((twin) => twin.organisation.id));
        if (!result.organisations.hasNext) break;
      }
      return ids;
    }
    case 'organisation': {
      if (parsed.organisationIds.length === 0) throw fieldError('EVENTS_INVITATION_ORGANISATION_REQUIRED', 'organisationIds');
      return parsed.organisationIds;
    }
  }
}

function entryLocale(candidate: InvitationCandidate, fallback: Locale): Locale {
  return isLocale(candidate.locale) ? candidate.locale : fallback;
}

function activeOf<T extends { revokedAt: Date | string | null }>(rows: readonly T[]): T[] {
  return rows.filter((row) => !row.revokedAt);
}

/**
 * Adds a source's people to the list (or, with `dryRun`, only says what would be added and the
 * balance after). Each organisation+person and each address once; audited.
 */
export async function addInvitations(actor: Actor, input: AddInvitationsInput): Promise<AddInvitationsResult> {
  const parsed = parseInput(addInvitationsInputSchema, input);
  const db = getDb();
  const loaded = await managedEvent(db, actor, parsed.event);
  const organisationIds = [...new Set(await sourceOrganisations(actor, parsed))];
  const candidates = await selectCandidates(db, organisationIds);
  const source = parsed.source;

  const run = async (executor: Executor, dryRun: boolean): Promise<AddInvitationsResult> => {
    const listed = await selectListedKeys(executor, loaded.id);
    const plan = planEntries(candidates, listed);
    const current = activeOf(await selectEntries(executor, loaded.id));
    const stored = dryRun
      ? plan.toAdd
      : await insertEntries(
          executor,
          plan.toAdd.map((candidate) => ({
            eventId: loaded.id,
            organisationId: candidate.organisationId,
            personId: candidate.personId,
            name: candidate.name,
            email: candidate.email,
            locale: entryLocale(candidate, parsed.locale),
            countryIso2: candidate.countryIso2,
            organisationType: candidate.organisationType,
            sizeClass: candidate.sizeClass,
            womenLed: candidate.womenLed,
            gender: candidate.gender,
            source,
            addedByUserId: actor.kind === 'user' ? actor.userId : null,
          })),
        );
    const balance = computeBalance([...current, ...stored], loaded.womenTargetPercent);
    if (!dryRun)
      await recordAudit(executor, actor, {
        action: 'events.invitations.add',
        subjectType: 'event',
        subjectId: loaded.id,
        data: {
          event: loaded.slug,
          source,
          ...(source === 'view' ? { query: parsed.query } : {}),
          ...(source === 'cluster' ? { cluster: parsed.cluster } : {}),
          ...(source === 'twins' ? { twinsOf: parsed.twinsOf, slug: parsed.slug, country: parsed.country } : {}),
          organisations: organisationIds.length,
          added: stored.length,
        },
      });
    return {
      dryRun,
      organisations: organisationIds.length,
      added: stored.length,
      alreadyListed: plan.alreadyListed + plan.toAdd.length - stored.length,
      balance,
    };
  };
  if (parsed.dryRun) return run(db, true);
  return db.transaction((tx) => run(tx, false));
}

/** Removes an entry: deleted while not sent; once sent it is revoked (its links then answer 410). Audited. */
export async function removeInvitation(actor: Actor, input: { event: string; id: string }): Promise<{ removed: 'deleted' | 'revoked' }> {
  return getDb().transaction(async (tx) => {
    const loaded = await managedEvent(tx, actor, input.event);
    const entry = await findEntry(tx, loaded.id, input.id);
    if (!entry || entry.revokedAt) throw new AppError('EVENTS_INVITATION_NOT_FOUND', 404);
    const removed = entry.sentAt ? 'revoked' : 'deleted';
    if (removed === 'revoked') await revokeEntry(tx, entry.id, new Date());
    else await deleteEntry(tx, entry.id);
    await recordAudit(tx, actor, {
      action: `events.invitations.${removed === 'revoked' ? 'revoke' : 'remove'}`,
      subjectType: 'event_invitation',
      subjectId: entry.id,
      data: { event: loaded.slug },
    });
    return { removed };
  });
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function presentEntry(row: EntryRow): InvitationEntry {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisation: row.organisationName ? textIn(row.organisationName, 'en', row.organisationSourceLocale) : null,
    organisationSlug: row.organisationSlug,
    personId: row.personId,
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : 'en',
    countryIso2: row.countryIso2,
    organisationType: row.organisationType,
    sizeClass: row.sizeClass,
    womenLed: row.womenLed,
    gender: row.gender,
    genderGroup: genderGroup(row.gender),
    source: row.source,
    state: entryState(row),
    sentAt: iso(row.sentAt),
    sendCount: row.sendCount,
    openedAt: iso(row.openedAt),
    registeredAt: iso(row.registeredAt),
    declinedAt: iso(row.declinedAt),
  };
}

export function countEntries(entries: readonly InvitationEntry[]): InvitationCounts {
  const active = entries.filter((entry) => entry.state !== 'revoked');
  const sent = active.filter((entry) => entry.sentAt);
  return {
    listed: active.length,
    notSent: active.length - sent.length,
    sendable: active.filter((entry) => !entry.sentAt && entry.email).length,
    sent: sent.length,
    opened: sent.filter((entry) => entry.openedAt).length,
    registered: active.filter((entry) => entry.registeredAt).length,
    declined: active.filter((entry) => entry.declinedAt).length,
    awaiting: sent.filter((entry) => !entry.registeredAt && !entry.declinedAt).length,
  };
}

/** The list with its tracking counts and balance, for the event's managers. */
export async function getInvitationList(actor: Actor, input: { event: string }): Promise<InvitationList & { balance: InvitationBalance }> {
  const db = getDb();
  const loaded = await managedEvent(db, actor, input.event);
  const rows = await selectEntries(db, loaded.id);
  const entries = rows.map(presentEntry);
  return {
    event: {
      slug: loaded.slug,
      title: loaded.title as Record<string, string>,
      sourceLocale: loaded.sourceLocale,
      status: loaded.status,
      hostClusterSlug: loaded.hostClusterSlug,
      countryIso2: loaded.countryIso2,
      womenTargetPercent: loaded.womenTargetPercent,
    },
    entries,
    counts: countEntries(entries),
    balance: computeBalance(activeOf(rows), loaded.womenTargetPercent),
    sharePath: sharePath(loaded.slug),
  };
}

/** The balance alone (the API's `balance`). */
export async function getInvitationBalance(actor: Actor, input: { event: string }): Promise<InvitationBalance> {
  const db = getDb();
  const loaded = await managedEvent(db, actor, input.event);
  return computeBalance(activeOf(await selectEntries(db, loaded.id)), loaded.womenTargetPercent);
}

/** Sets the share of women the list should reach (the event's `women_target_percent`); audited. */
export async function setWomenTarget(actor: Actor, input: WomenTargetInput): Promise<void> {
  const parsed = parseInput(womenTargetInputSchema, input);
  await getDb().transaction(async (tx) => {
    const loaded = await managedEvent(tx, actor, parsed.event, { forUpdate: true });
    await updateWomenTarget(tx, loaded.id, parsed.womenTargetPercent);
    await recordAudit(tx, actor, {
      action: 'events.invitations.target',
      subjectType: 'event',
      subjectId: loaded.id,
      data: { event: loaded.slug, from: loaded.womenTargetPercent, to: parsed.womenTargetPercent },
    });
  });
}

function eventDate(loaded: LoadedEvent, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: loaded.timeZone }).format(loaded.startsAt);
}

/** Mails one invitation with a new personal link (only its hash is stored). */
async function mailInvitation(tx: Executor, loaded: LoadedEvent, entry: InvitationRow, mode: 'new' | 'resend'): Promise<void> {
  const token = newInvitationToken();
  await insertLink(tx, entry.id, hashInvitationToken(token));
  const locale = isLocale(entry.locale) ? entry.locale : 'en';
  await queueMail(tx, {
    to: entry.email!,
    locale,
    template: mode === 'new' ? 'eventsInvitations.invitation' : 'eventsInvitations.reminder',
    values: {
      event: textIn(loaded.title, locale, loaded.sourceLocale),
      hasName: entry.name ? 'yes' : 'no',
      name: entry.name ?? '',
      date: eventDate(loaded, locale),
      hasCity: textIn(loaded.city, locale, loaded.sourceLocale) ? 'yes' : 'no',
      city: textIn(loaded.city, locale, loaded.sourceLocale),
    },
    action: { url: `${getConfig().publicUrl}${invitedPath(locale, loaded.slug, token)}` },
  });
}

/**
 * Sends (or with `dryRun` counts) personal invitations: `new` to every entry with an address not
 * sent yet, each once; `resend` a new link to those sent who have not answered. Published events
 * only. Audited.
 */
export async function sendInvitations(actor: Actor, input: SendInvitationsInput): Promise<SendInvitationsResult> {
  const parsed = parseInput(sendInvitationsInputSchema, input);
  return getDb().transaction(async (tx) => {
    // The event row is locked: two sends at once serialise, so no entry is mailed twice.
    const loaded = await managedEvent(tx, actor, parsed.event, { forUpdate: true });
    if (loaded.status !== 'published') throw new AppError('EVENTS_INVITATION_EVENT_NOT_PUBLISHED', 409, { event: loaded.slug });
    const entries = await selectSendable(tx, loaded.id, parsed.mode);
    const byLocale = { ar: 0, fr: 0, en: 0 };
    for (const entry of entries) byLocale[isLocale(entry.locale) ? entry.locale : 'en'] += 1;
    const result: SendInvitationsResult = {
      dryRun: parsed.dryRun,
      mode: parsed.mode,
      recipients: entries.length,
      byLocale,
      withoutAddress: await countWithoutAddress(tx, loaded.id),
    };
    if (parsed.dryRun) return result;
    for (const entry of entries) await mailInvitation(tx, loaded, entry, parsed.mode);
    await markSent(
      tx,
      entries.map((entry) => entry.id),
      new Date(),
      actor.kind === 'user' ? actor.userId : null,
    );
    await recordAudit(tx, actor, {
      action: parsed.mode === 'new' ? 'events.invitations.send' : 'events.invitations.resend',
      subjectType: 'event',
      subjectId: loaded.id,
      data: { event: loaded.slug, sent: entries.length },
    });
    return result;
  });
}

/** What the link page shows. */
export interface InvitationLinkView {
  event: LoadedEvent;
  name: string | null;
  locale: string;
  state: 'open' | 'registered' | 'declined';
}

/** The invitation a personal link names: 404 unknown (or another event's), 410 revoked or the event over or cancelled. */
async function linkInvitation(executor: Executor, slug: string, token: string): Promise<{ loaded: LoadedEvent; entry: InvitationRow }> {
  const loaded = await findEventBySlug(executor, slug);
  const entry = loaded && INVITATION_TOKEN_PATTERN.test(token) ? await findByTokenHash(executor, hashInvitationToken(token)) : undefined;
  if (!loaded || !entry || entry.eventId !== loaded.id) throw new AppError('EVENTS_INVITATION_LINK_NOT_FOUND', 404);
  if (entry.revokedAt || loaded.status === 'cancelled' || loaded.endsAt <= new Date())
    throw new AppError('EVENTS_INVITATION_LINK_GONE', 410);
  return { loaded, entry };
}

/** Opens a personal link (no sign-in): marks it opened the first time. */
export async function openInvitationLink(input: { event: string; token: string }): Promise<InvitationLinkView> {
  return getDb().transaction(async (tx) => {
    const { loaded, entry } = await linkInvitation(tx, input.event, input.token);
    if (!entry.openedAt) await markOpened(tx, entry.id, new Date());
    return {
      event: loaded,
      name: entry.name,
      locale: entry.locale,
      state: entry.registeredAt ? 'registered' : entry.declinedAt ? 'declined' : 'open',
    };
  });
}

/** The invitee declines through their link; audited (as the system: nobody is signed in). */
export async function declineInvitationLink(actor: Actor, input: { event: string; token: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { loaded, entry } = await linkInvitation(tx, input.event, input.token);
    if (entry.registeredAt) throw new AppError('EVENTS_INVITATION_ALREADY_REGISTERED', 409);
    const now = new Date();
    if (!entry.openedAt) await markOpened(tx, entry.id, now);
    await markInvitationResponded(tx, entry.id, 'declined', now);
    await recordAudit(tx, actor, {
      action: 'events.invitations.decline',
      subjectType: 'event_invitation',
      subjectId: entry.id,
      data: { event: loaded.slug },
    });
  });
}
