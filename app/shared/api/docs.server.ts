/**
 * The API reference page at /api/docs: Swagger UI served entirely from our origin (its files come
 * from the installed `swagger-ui-dist` package), started by a separate script file so the strict
 * Content-Security-Policy holds (no inline script, no request to another origin). The page chrome
 * follows the reader's Accept-Language; the reference itself is the English OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { html } from 'hono/html';
import { translate } from '../i18n/catalog.server.ts';
import { directionOf, negotiateLocale } from '../i18n/locales.ts';

interface DocsAsset {
  contentType: string;
  /** Resolved like an import (package name or `#app/...`), so it works from the sources and from the build. */
  specifier: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The only files this page serves: a fixed list, so no path from the URL ever reaches the disk. */
const ASSETS: Record<string, DocsAsset> = {
  'swagger-ui.css': { contentType: CSS, specifier: 'swagger-ui-dist/swagger-ui.css' },
  'swagger-ui-bundle.js': { contentType: JS, specifier: 'swagger-ui-dist/swagger-ui-bundle.js' },
  'docs.css': { contentType: CSS, specifier: '#app/styles/api-docs.css' },
  'init.js': { contentType: JS, specifier: '#app/shared/api/docs-init.js' },
};

export interface ApiDocsOptions {
  /** Where the page is served, e.g. `/api/docs` (the returned app is mounted at the root). */
  basePath: string;
  /** URL of the OpenAPI document, e.g. `/api/v1/openapi.json`. */
  specUrl: string;
}

export function createApiDocs({ basePath, specUrl }: ApiDocsOptions): Hono {
  const docs = new Hono();
  const resolve = createRequire(import.meta.url).resolve;
  const loaded = new Map<string, Buffer>();

  docs.get(`${basePath}/`, (c) => c.redirect(basePath, 301));
  docs.get(basePath, (c) => {
    const locale = negotiateLocale(c.req.header('accept-language'));
    const t = (id: string) => translate(locale, id);
    const assets = `${basePath}/assets`;
    c.header('Vary', 'Accept-Language', { append: true });
    c.header('Content-Language', locale);
    return c.html(html`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${t('api.docs.title')} · Mosaic</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${assets}/swagger-ui.css" />
    <link rel="stylesheet" href="${assets}/docs.css" />
  </head>
  <body>
    <header class="api-docs-header">
      <h1>${t('api.docs.heading')}</h1>
      <nav aria-label="${t('api.docs.linksLabel')}">
        <ul>
          <li><a href="${specUrl}" type="application/json">${t('api.docs.openapiLink')}</a></li>
          <li><a href="/${locale}/">${t('api.docs.homeLink')}</a></li>
        </ul>
      </nav>
    </header>
    <main>
      <noscript><p class="api-docs-noscript">${t('api.docs.noscript')}</p></noscript>
      <div id="swagger-ui" dir="ltr" lang="en" data-spec-url="${specUrl}"></div>
    </main>
    <script src="${assets}/swagger-ui-bundle.js"></script>
    <script src="${assets}/init.js"></script>
  </body>
</html>`);
  });
  // Swagger UI's bundle is 1.7 MB; compressed it is about a third of that.
  docs.use(`${basePath}/assets/*`, compress());
  docs.get(`${basePath}/assets/:name`, (c) => {
    const name = c.req.param('name');
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return c.notFound();
    let body = loaded.get(name);
    if (body === undefined) {
      body = readFileSync(resolve(asset.specifier));
      loaded.set(name, body);
    }
    c.header('Content-Type', asset.contentType);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(body));
  });
  return docs;
}
