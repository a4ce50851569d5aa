/**
 * The event form (new and edit pages): what the browser posts, read into a value that survives a
 * refusal, and into the service's input. Start and end are typed as the venue's wall-clock time
 * and converted with the chosen zone's rules (fromLocalInput). Pure.
 */
import type { EventFormFieldsValue } from '#app/modules/events/components/event-form.tsx';
import { type CreateEventInput, type EventDetail, fromLocalInput, toLocalInput } from '#app/modules/events/index.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';

type Texts = Partial<Record<Locale, string>>;

/** What the form holds: the component's value, typed times as the venue's wall clock. */
export type EventFormValue = EventFormFieldsValue;

const TEXT_FIELDS = ['title', 'description', 'venueName', 'city'] as const;

export function newEventFormValue(locale: Locale): EventFormValue {
  return {
    type: 'thematic-workshop',
    host: '',
    country: '',
    clusters: [],
    title: {},
    description: {},
    sourceLocale: locale,
    format: 'in-person',
    venueName: {},
    venueAddress: '',
    city: {},
    timeZone: 'Africa/Tunis',
    onlineUrl: '',
    startsAt: '',
    endsAt: '',
    capacity: '',
    waitlistEnabled: true,
    approvalRequired: false,
    registrationOpensAt: '',
    registrationClosesAt: '',
    womenTargetPercent: '40',
    visibility: 'public',
  };
}

export function eventFormValueOf(event: EventDetail): EventFormValue {
  const local = (iso: string | null) => (iso ? toLocalInput(new Date(iso), event.timeZone) : '');
  return {
    type: event.type,
    host: event.hostCluster?.slug ?? '',
    country: event.countryIso2 ?? '',
    clusters: event.clusters.map((c) => c.slug),
    title: event.title,
    description: event.description ?? {},
    sourceLocale: event.sourceLocale,
    format: event.format,
    venueName: event.venueName ?? {},
    venueAddress: event.venueAddress ?? '',
    city: event.city ?? {},
    timeZone: event.timeZone,
    onlineUrl: event.onlineUrl ?? '',
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    capacity: event.capacity === null ? '' : String(event.capacity),
    waitlistEnabled: event.waitlistEnabled,
    approvalRequired: event.approvalRequired,
    registrationOpensAt: local(event.registrationOpensAt),
    registrationClosesAt: local(event.registrationClosesAt),
    womenTargetPercent: String(event.womenTargetPercent),
    visibility: event.visibility,
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export function readEventForm(form: FormData): EventFormValue {
  const texts = (name: string): Texts => Object.fromEntries(LOCALES.map((l) => [l, text(form, `${name}.${l}`)]).filter(([, v]) => v));
  const value = {
    type: text(form, 'type'),
    host: text(form, 'host'),
    country: text(form, 'country'),
    clusters: form.getAll('clusters').filter((v): v is string => typeof v === 'string' && v !== ''),
    sourceLocale: text(form, 'sourceLocale'),
    format: text(form, 'format'),
    venueAddress: text(form, 'venueAddress'),
    timeZone: text(form, 'timeZone'),
    onlineUrl: text(form, 'onlineUrl'),
    startsAt: text(form, 'startsAt'),
    endsAt: text(form, 'endsAt'),
    capacity: text(form, 'capacity'),
    waitlistEnabled: form.get('waitlistEnabled') === 'on',
    approvalRequired: form.get('approvalRequired') === 'on',
    registrationOpensAt: text(form, 'registrationOpensAt'),
    registrationClosesAt: text(form, 'registrationClosesAt'),
    womenTargetPercent: text(form, 'womenTargetPercent'),
    visibility: text(form, 'visibility'),
  } as Omit<EventFormValue, (typeof TEXT_FIELDS)[number]>;
  return { ...value, title: texts('title'), description: texts('description'), venueName: texts('venueName'), city: texts('city') };
}

const orNull = (texts: Texts) => (Object.keys(texts).length > 0 ? texts : null);
const numberOrNull = (value: string) => (value === '' ? null : Number(value));

/**
 * The service's input, or the fields whose local time cannot be read (message keys). Other
 * values go through as typed: the service's contracts judge them.
 */
export function eventInputOf(value: EventFormValue): { input: CreateEventInput; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const instant = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', required: boolean): string | null => {
    const typed = value[field];
    if (typed === '' && !required) return null;
    const at = fromLocalInput(typed, value.timeZone);
    if (!at) {
      fieldErrors[field] = 'errors.EVENTS_LOCAL_TIME_INVALID';
      return null;
    }
    return at.toISOString();
  };
  const input = {
    type: value.type,
    hostCluster: value.host === '' ? null : value.host,
    countryIso2: value.country === '' ? null : value.country,
    clusters: value.clusters,
    title: value.title,
    description: orNull(value.description),
    sourceLocale: value.sourceLocale,
    format: value.format,
    venueName: orNull(value.venueName),
    venueAddress: value.venueAddress || null,
    city: orNull(value.city),
    timeZone: value.timeZone,
    onlineUrl: value.onlineUrl || null,
    startsAt: instant('startsAt', true),
    endsAt: instant('endsAt', true),
    capacity: numberOrNull(value.capacity),
    waitlistEnabled: value.waitlistEnabled,
    approvalRequired: value.approvalRequired,
    registrationOpensAt: instant('registrationOpensAt', false),
    registrationClosesAt: instant('registrationClosesAt', false),
    womenTargetPercent: value.womenTargetPercent === '' ? 40 : Number(value.womenTargetPercent),
    visibility: value.visibility,
  } as unknown as CreateEventInput;
  return { input, fieldErrors };
}

/** A session typed on the agenda page: times at the venue, speakers one per line (`Name | affiliation`). */
export function readSessionForm(form: FormData, timeZone: string, sourceLocale: string) {
  const fieldErrors: Record<string, string> = {};
  const title = Object.fromEntries(LOCALES.map((l) => [l, text(form, `title.${l}`)]).filter(([, v]) => v));
  const day = text(form, 'day');
  const at = (field: 'from' | 'to') => {
    const instant = fromLocalInput(`${day}T${text(form, field)}`, timeZone);
    if (!instant) fieldErrors[field === 'from' ? 'startsAt' : 'endsAt'] = 'errors.EVENTS_LOCAL_TIME_INVALID';
    return instant?.toISOString();
  };
  const languages = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
  const speakers = text(form, 'speakers')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, affiliation] = line.split('|').map((part) => part.trim());
      return { name: name ?? '', affiliation: affiliation ? { [sourceLocale]: affiliation } : null };
    });
  const input = {
    title,
    startsAt: at('from'),
    endsAt: at('to'),
    room: text(form, 'room') || null,
    languages: languages('languages'),
    interpretation: languages('interpretation'),
    speakers,
  };
  return { input, fieldErrors };
}
