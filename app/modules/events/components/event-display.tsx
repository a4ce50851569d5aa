/**
 * How an event's time and place read on the calendar and the event page: the venue's local date
 * and time with its zone named ("Cairo time"), and the place or "online". Pure rendering.
 */
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';

type Texts = Partial<Record<'ar' | 'fr' | 'en', string>>;

/** `Thu 29 Oct 2026, 20:00 – Fri 30 Oct, 10:00`, at the venue's clock. */
export function formatLocalRange(
  locale: string,
  startsAt: string,
  endsAt: string,
  timeZone: string,
  style: 'full' | 'medium' = 'medium',
): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: style === 'full' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'full' ? 'long' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** `09:00 – 10:30` at the venue's clock. */
export function formatLocalHours(locale: string, startsAt: string, endsAt: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).formatRange(
    new Date(startsAt),
    new Date(endsAt),
  );
}

/** `Thursday 29 October`: a venue day (`2026-10-29`) as a heading. */
export function formatDayHeading(locale: string, dayKey: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${dayKey}T12:00:00Z`),
  );
}

export function EventWhen({
  startsAt,
  endsAt,
  timeZone,
  style,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  style?: 'full' | 'medium';
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <span className="event-when">
      <time dateTime={startsAt}>{formatLocalRange(locale, startsAt, endsAt, timeZone, style)}</time>{' '}
      <span className="event-when__zone">({t(`events.zone.${timeZone}`)})</span>
    </span>
  );
}

export function EventPlace({
  format,
  city,
  venueName,
  countryName,
  sourceLocale,
}: {
  format: string;
  city: Texts | null;
  venueName: Texts | null;
  countryName: string | null;
  sourceLocale: string;
}) {
  const t = useT();
  const locale = useLocale();
  const place = [textIn(venueName, locale, sourceLocale), textIn(city, locale, sourceLocale), countryName].filter(Boolean).join(', ');
  if (format === 'online') return <span>{t('events.format.online')}</span>;
  return (
    <span>
      <bdi dir="auto">{place || t('events.place.toBeAnnounced')}</bdi>
      {format === 'hybrid' && <> · {t('events.format.hybrid')}</>}
    </span>
  );
}
