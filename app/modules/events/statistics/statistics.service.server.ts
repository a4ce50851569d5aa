/**
 * Event statistics (issue 5, item 6): an event's funnel and breakdowns, the programme-wide view
 * across the events an actor manages, the XLSX of the statistics and the participant lists.
 *
 * Who reads what (decided here): statistics are for those who manage the event (`events.manage`
 * over it); there is no public summary, so no small-group suppression is needed. The programme-wide
 * view sums the events the actor manages (programme staff: all; a country's staff: that country's).
 * The participant lists are staff-only too: `sharing` holds only those who agreed to be listed
 * (`consent_listed`), to circulate; `logistics` holds every confirmed participant with whether they
 * agreed to be photographed, for the team at the venue. Participant exports are audited.
 */
import { stringify } from 'csv-stringify/sync';
import { listCountries } from '#app/modules/directory/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { CommonErrors } from '#app/shared/errors.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { parseInput } from '#app/shared/validation.ts';
import { addTableSheet, inertCell, loadExcelJS, type SheetCell } from '#app/shared/xlsx/xlsx.ts';
import { canManageEvent, canManageSomeEvents, canReadEvent, type PolicyEvent } from '../events.policy.ts';
import { findEventBySlug, type LoadedEvent } from '../events-core.repository.server.ts';
import {
  type EventStatisticsView,
  type ParticipantsQuery,
  type ProgrammeStatistics,
  type ProgrammeStatisticsQuery,
  participantsQuerySchema,
  programmeStatisticsQuerySchema,
} from './statistics.contracts.ts';
import {
  type RegistrationFacts,
  selectEventsForStatistics,
  selectInvitationFacts,
  selectParticipants,
  selectRegistrationFacts,
} from './statistics.repository.server.ts';
import { DIMENSIONS, type EventStatistics, eventStatistics, MEASURES, type Person, type StatRegistration } from './statistics.ts';

/** The programme-wide view sums at most this many events (the programme runs dozens a year). */
export const PROGRAMME_EVENTS_LIMIT = 500;

function registrationOf(row: RegistrationFacts, ended: boolean): StatRegistration {
  return {
    status: row.status,
    checkedIn: row.checkedInAt !== null,
    eventEnded: ended,
    gender: row.gender,
    countryIso2: row.countryIso2 ?? row.organisationCountry,
    organisation: row.organisationType ? { type: row.organisationType, sizeClass: row.sizeClass, womenLed: row.womenLed ?? false } : null,
  };
}

type InvitationFacts = Awaited<ReturnType<typeof selectInvitationFacts>>[number];

function invitationOf(row: InvitationFacts): Person {
  return {
    gender: row.gender,
    countryIso2: row.countryIso2,
    organisation:
      row.organisationId && row.organisationType ? { type: row.organisationType, sizeClass: row.sizeClass, womenLed: row.womenLed } : null,
  };
}

/** The event, if the actor may read its statistics: 404 when it may not even see the event, 401/403 otherwise. */
async function managedEvent(actor: Actor, slug: string): Promise<LoadedEvent> {
  const event = await findEventBySlug(getDb(), slug);
  if (!event || !canReadEvent(actor, event)) throw CommonErrors.notFound();
  if (!canManageEvent(actor, event)) throw actor.kind === 'anonymous' ? CommonErrors.unauthenticated() : CommonErrors.forbidden();
  return event;
}

async function statisticsOf(
  events: readonly { id: string; endsAt: Date }[],
  now: Date,
): Promise<Map<string, EventStatistics> & { all: EventStatistics }> {
  const ids = events.map((e) => e.id);
  const [registrations, invitations] = await Promise.all([selectRegistrationFacts(getDb(), ids), selectInvitationFacts(getDb(), ids)]);
  const ended = new Map(events.map((e) => [e.id, e.endsAt <= now]));
  const byEvent = new Map<string, { registrations: StatRegistration[]; invitations: Person[] }>(
    ids.map((id) => [id, { registrations: [], invitations: [] }]),
  );
  for (const r of registrations) byEvent.get(r.eventId)?.registrations.push(registrationOf(r, ended.get(r.eventId) ?? false));
  for (const i of invitations) byEvent.get(i.eventId)?.invitations.push(invitationOf(i));
  const result = new Map([...byEvent].map(([id, facts]) => [id, eventStatistics(facts.registrations, facts.invitations)])) as Map<
    string,
    EventStatistics
  > & { all: EventStatistics };
  result.all = eventStatistics(
    [...byEvent.values()].flatMap((f) => f.registrations),
    [...byEvent.values()].flatMap((f) => f.invitations),
  );
  return result;
}

/** An event's statistics, for those who manage it. */
export async function getEventStatistics(actor: Actor, slug: string): Promise<EventStatisticsView> {
  const event = await managedEvent(actor, slug);
  const now = new Date();
  const stats = await statisticsOf([event], now);
  return {
    event: {
      slug: event.slug,
      title: event.title as Record<string, string>,
      sourceLocale: event.sourceLocale,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      ended: event.endsAt <= now,
    },
    computedAt: now.toISOString(),
    statistics: stats.get(event.id)!,
  };
}

/**
 * The programme-wide view (for the results framework): the events (not drafts) matching the filter
 * that the actor manages, each with its funnel, and their breakdowns summed.
 */
export async function getProgrammeStatistics(actor: Actor, query: ProgrammeStatisticsQuery = {}): Promise<ProgrammeStatistics> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canManageSomeEvents(actor)) throw CommonErrors.forbidden();
  const filter = parseInput(programmeStatisticsQuerySchema, query);
  const rows = await selectEventsForStatistics(
    getDb(),
    { type: filter.type, countryIso2: filter.country, year: filter.year },
    PROGRAMME_EVENTS_LIMIT + 1,
  );
  const truncated = rows.length > PROGRAMME_EVENTS_LIMIT;
  const events = rows.slice(0, PROGRAMME_EVENTS_LIMIT).filter((e) => canManageEvent(actor, e as PolicyEvent));
  const now = new Date();
  const stats = await statisticsOf(events, now);
  return {
    filter: { type: filter.type ?? null, country: filter.country ?? null, year: filter.year ?? null },
    computedAt: now.toISOString(),
    events: events.map((e) => {
      const s = stats.get(e.id)!;
      return {
        slug: e.slug,
        type: e.type,
        title: e.title as Record<string, string>,
        sourceLocale: e.sourceLocale,
        countryIso2: e.countryIso2,
        startsAt: e.startsAt.toISOString(),
        ended: e.endsAt <= now,
        totals: s.totals,
        womenAttendedPercent: s.womenAttendedPercent,
      };
    }),
    truncated,
    statistics: stats.all,
  };
}

export interface ExportedFile {
  fileName: string;
  body: Uint8Array;
}

/** The label of a group of a dimension in the reader's language (country names from the directory). */
export function groupLabel(locale: Locale, dimension: string, key: string, countries: ReadonlyMap<string, string>): string {
  const t = (id: string) => translate(locale, id);
  if (key === 'unknown') return t('events.statistics.group.unknown');
  if (key === 'no-organisation') return t('events.statistics.group.no-organisation');
  switch (dimension) {
    case 'gender':
      return t(`events.statistics.gender.${key}`);
    case 'country':
      return countries.get(key) ?? key;
    case 'organisationType':
      return t(`directory.type.${key}`);
    case 'size':
      return t(`directory.size.${key}`);
    default:
      return t(`events.statistics.womenLed.${key}`);
  }
}

export async function countryNames(locale: Locale): Promise<Map<string, string>> {
  return new Map((await listCountries()).map((c) => [c.iso2, textIn(c.name, locale, null, c.iso2)]));
}

const count = (value: number | null): SheetCell => value;

/** The statistics of an event as an XLSX workbook: a cover, the funnel, one sheet per breakdown. */
export async function exportEventStatisticsWorkbook(actor: Actor, slug: string, locale: Locale): Promise<ExportedFile> {
  const view = await getEventStatistics(actor, slug);
  const t = (id: string, values?: Record<string, string | number | Date>) => translate(locale, id, values);
  const countries = await countryNames(locale);
  const title = textIn(view.event.title, locale, view.event.sourceLocale, view.event.slug);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.title = t('events.statistics.export.title', { event: title });
  workbook.created = new Date(view.computedAt);
  addTableSheet(workbook, {
    name: t('events.statistics.export.sheet.cover'),
    locale,
    header: [t('events.statistics.export.title', { event: title }), ''],
    widths: [36, 60],
    rows: [
      [t('events.statistics.export.cover.event'), title],
      [t('events.statistics.export.cover.slug'), view.event.slug],
      [t('events.statistics.export.cover.dates'), `${view.event.startsAt} – ${view.event.endsAt}`],
      [t('events.statistics.export.cover.scope'), t('events.statistics.export.cover.scopeStaff')],
      [t('events.statistics.export.cover.computedAt'), new Date(view.computedAt)],
      [
        t('events.statistics.export.cover.noShows'),
        t(view.event.ended ? 'events.statistics.noShow.counted' : 'events.statistics.noShow.notYet'),
      ],
    ],
  });
  const measures = MEASURES.filter((m) => m !== 'invited' || view.statistics.totals.invited !== null);
  const measureNames = measures.map((m) => t(`events.statistics.measure.${m}`));
  addTableSheet(workbook, {
    name: t('events.statistics.export.sheet.funnel'),
    locale,
    header: [t('events.statistics.measure.heading'), t('events.statistics.count')],
    widths: [36, 14],
    rows: measures.map((m, i) => [measureNames[i]!, count(view.statistics.totals[m])]),
  });
  for (const dimension of DIMENSIONS) {
    addTableSheet(workbook, {
      name: t(`events.statistics.dimension.${dimension}`),
      locale,
      header: [t(`events.statistics.dimension.${dimension}`), t('events.statistics.export.code'), ...measureNames],
      widths: [32, 16, ...measures.map(() => 14)],
      rows: view.statistics.breakdowns[dimension].map((row) => [
        groupLabel(locale, dimension, row.key, countries),
        row.key,
        ...measures.map((m) => count(row.counts[m])),
      ]),
    });
  }
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { fileName: `event-statistics-${view.event.slug}-${view.computedAt.slice(0, 10)}.xlsx`, body };
}

const CONFIRMED_STATUSES = ['confirmed'];

/** A participant list as a header and rows, in the reader's language. */
async function participantTable(actor: Actor, slug: string, query: ParticipantsQuery & { locale: Locale }) {
  const event = await managedEvent(actor, slug);
  const { list } = parseInput(participantsQuerySchema, query);
  const locale = query.locale;
  const t = (id: string) => translate(locale, id);
  const countries = await countryNames(locale);
  const rows = await selectParticipants(getDb(), event.id, { statuses: CONFIRMED_STATUSES, listedOnly: list === 'sharing' });
  const yesNo = (value: boolean) => t(value ? 'events.statistics.yes' : 'events.statistics.no');
  const organisationOf = (r: (typeof rows)[number]) =>
    r.organisationName ? textIn(r.organisationName, locale, r.organisationSourceLocale) : '';
  const countryOf = (r: (typeof rows)[number]) => (r.countryIso2 ? (countries.get(r.countryIso2) ?? r.countryIso2) : '');
  const header =
    list === 'sharing'
      ? ['name', 'organisation', 'country'].map((c) => t(`events.statistics.participants.column.${c}`))
      : ['name', 'organisation', 'country', 'email', 'photographed', 'checkedIn'].map((c) =>
          t(`events.statistics.participants.column.${c}`),
        );
  const body: SheetCell[][] = rows.map((r) =>
    list === 'sharing'
      ? [r.name, organisationOf(r), countryOf(r)]
      : [r.name, organisationOf(r), countryOf(r), r.email, yesNo(r.consentPhotographed), yesNo(r.checkedInAt !== null)],
  );
  await recordAudit(getDb(), actor, {
    action: 'events.participants.export',
    subjectType: 'event',
    subjectId: event.id,
    data: { slug: event.slug, list, rows: rows.length },
  });
  return { event, list, header, rows: body, name: t(`events.statistics.participants.list.${list}`) };
}

/** The participant list as XLSX (one right-to-left sheet in Arabic). */
export async function exportParticipantsWorkbook(
  actor: Actor,
  slug: string,
  query: ParticipantsQuery & { locale: Locale },
): Promise<ExportedFile> {
  const table = await participantTable(actor, slug, query);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  addTableSheet(workbook, {
    name: table.name,
    locale: query.locale,
    header: table.header,
    rows: table.rows,
    widths: table.header.map(() => 28),
  });
  return { fileName: `participants-${table.list}-${table.event.slug}.xlsx`, body: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/** The participant list as CSV (UTF-8 with a byte order mark, every cell inert). */
export async function exportParticipantsCsv(
  actor: Actor,
  slug: string,
  query: ParticipantsQuery & { locale: Locale },
): Promise<ExportedFile> {
  const table = await participantTable(actor, slug, query);
  const text = stringify(
    [table.header, ...table.rows].map((row) => row.map((cell) => inertCell(cell ?? ''))),
    { bom: true },
  );
  return { fileName: `participants-${table.list}-${table.event.slug}.csv`, body: new TextEncoder().encode(text) };
}
