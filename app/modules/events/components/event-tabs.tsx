/**
 * The staff tab bar of one event: its page, the editor, the agenda, registrations, invitations,
 * check-in, badges, workshop outputs, statistics and follow-up. A tab shows only to those who may
 * use its page (`manage` and `checkIn` come from canManageEvent / canCheckIn); the current tab is
 * marked with aria-current. Badges are a PDF: a plain link, outside the client router.
 */
import { Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import '#app/styles/events.css';

export const EVENT_TABS = [
  'overview',
  'edit',
  'agenda',
  'registrations',
  'invitations',
  'check-in',
  'badges',
  'outputs',
  'statistics',
  'follow-up',
] as const;
export type EventTab = (typeof EVENT_TABS)[number];

export interface EventTabAccess {
  /** canManageEvent(actor, event) */
  manage: boolean;
  /** canCheckIn(actor, event) */
  checkIn: boolean;
}

const NEEDS: Record<EventTab, keyof EventTabAccess | null> = {
  overview: null,
  edit: 'manage',
  agenda: 'manage',
  registrations: 'manage',
  invitations: 'manage',
  'check-in': 'checkIn',
  badges: 'checkIn',
  outputs: 'manage',
  statistics: 'manage',
  'follow-up': 'manage',
};

/** The tabs `access` opens, in order. Empty when the actor may do nothing but read the event. */
export function visibleEventTabs(access: EventTabAccess): EventTab[] {
  if (!access.manage && !access.checkIn) return [];
  return EVENT_TABS.filter((tab) => {
    const needed = NEEDS[tab];
    return needed === null || access[needed];
  });
}

/** The path of a tab, under the locale: `/fr/events/atelier-2026-06-10/agenda`. */
export function eventTabPath(locale: string, slug: string, tab: EventTab): string {
  const base = `/${locale}/events/${slug}`;
  if (tab === 'overview') return base;
  if (tab === 'badges') return `${base}/badges.pdf`;
  return `${base}/${tab}`;
}

export function EventTabs({ slug, current, access }: { slug: string; current?: EventTab; access: EventTabAccess }) {
  const t = useT();
  const locale = useLocale();
  const tabs = visibleEventTabs(access);
  if (tabs.length === 0) return null;
  return (
    <nav className="event-tabs" aria-label={t('events.tabs.label')}>
      <ul>
        {tabs.map((tab) => {
          const to = eventTabPath(locale, slug, tab);
          const ariaCurrent = tab === current ? 'page' : undefined;
          return (
            <li key={tab}>
              {tab === 'badges' ? (
                <a href={to} aria-current={ariaCurrent}>
                  {t('events.tabs.badges')}
                </a>
              ) : (
                <Link to={to} aria-current={ariaCurrent}>
                  {t(`events.tabs.${tab}`)}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
