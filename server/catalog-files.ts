/**
 * `GET /i18n/<locale>.<version>.json`: the UI catalog the browser hydrates with. The version is a
 * hash of the content, so a matching request is cached for a year; an old version (a page
 * rendered before a deployment) still gets the current catalog, uncached.
 */
import type { Context } from 'hono';
import { catalogVersion, loadCatalog } from '#app/shared/i18n/catalog.server.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';

const bodies = new Map<Locale, string>();

export function serveCatalog(c: Context): Response {
  const match = /^([a-z]{2})\.([\w-]+)\.json$/.exec(c.req.param('file') ?? '');
  const locale = match?.[1];
  if (!match || !isLocale(locale)) return c.notFound() as Response;
  let body = bodies.get(locale);
  if (!body) {
    body = JSON.stringify(loadCatalog(locale));
    bodies.set(locale, body);
  }
  const current = match[2] === catalogVersion(locale);
  return c.body(body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
