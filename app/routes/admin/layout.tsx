/**
 * The staff area's frame: a section navigation listing only what the viewer may open. Each page
 * below applies the staff gate with its own permission; the services check again.
 */
import { NavLink, Outlet } from 'react-router';
import { can } from '#app/shared/auth/can.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import type { Route } from './+types/layout';
import { requireAdminPage } from './admin.server.ts';
import '#app/styles/admin.css';

/** Section path (after /{locale}/admin) and the permission it needs. */
const SECTIONS = [
  { key: 'overview', path: '', permission: 'admin.access' },
  { key: 'outbox', path: '/outbox', permission: 'mail.outbox.read' },
  { key: 'jobs', path: '/jobs', permission: 'jobs.read' },
  { key: 'audit', path: '/audit', permission: 'audit.read' },
  { key: 'directoryRequests', path: '/directory/requests', permission: 'directory.requests.decide' },
] as const;

export type AdminSection = (typeof SECTIONS)[number];

/** Staff pages show who did what: never cached. */
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'admin.access');
  return { sections: SECTIONS.filter((s) => can(actor, s.permission)).map(({ key, path }) => ({ key, path })) };
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <ul>
          {loaderData.sections.map((section) => (
            <li key={section.key}>
              <NavLink to={`/${locale}/admin${section.path}`} end={section.path === ''}>
                {t(`admin.nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
