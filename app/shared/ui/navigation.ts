/**
 * The main navigation lists only capabilities that exist. A module adds its entry here when it
 * lands; `when` decides visibility (the services enforce access regardless).
 */
import type { Viewer } from '../auth/viewer.ts';

export interface NavItem {
  /** Path after the locale prefix. */
  path: string;
  /** i18n key of the label. */
  label: string;
  when?: (viewer: Viewer | null) => boolean;
}

export const mainNavigation: NavItem[] = [
  { path: '/', label: 'shell.nav.home' },
  { path: '/clusters', label: 'shell.nav.clusters' },
  { path: '/organisations', label: 'shell.nav.organisations' },
  { path: '/search', label: 'shell.nav.search' },
  { path: '/needs', label: 'shell.nav.needs' },
  { path: '/events', label: 'shell.nav.events' },
  // The needs surveys a signed-in person was invited to answer.
  { path: '/surveys', label: 'shell.nav.surveys', when: (v) => v !== null },
  { path: '/admin', label: 'shell.nav.admin', when: (v) => Boolean(v?.canSeeAdmin) },
];
