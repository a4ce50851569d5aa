/**
 * The Hono front door: security headers, request ids, logs, CSRF, the health check, the auth and
 * public API mounts, static files; everything else goes to React Router's request handler.
 */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { directoryImageResponse } from '#app/modules/directory/index.ts';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, getAuth, invalidTokenResponse, resolveRequestCredentials } from '#app/modules/identity/index.ts';
import { carriesBearerToken } from '#app/shared/api/credentials.ts';
import type { Config } from '#app/shared/config.server.ts';
import { getDatabase } from '#app/shared/db/client.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { negotiateLocale } from '#app/shared/i18n/locales.ts';
import { logger } from '#app/shared/logger.server.ts';
import { API_BASE_PATH, createPublicApi, createPublicApiDocs } from './api.ts';
import { serveCatalog } from './catalog-files.ts';
import { clientIp } from './client-ip.ts';
import { createHealthCheck } from './health.ts';
import { createPublicPageCache } from './public-page-cache.ts';

/**
 * Public views whose query string is the view itself (directory filters, map filters, search
 * text): anonymous readers of the same URL see the same page, so the cache keys them by it.
 */
const PUBLIC_VIEWS_WITH_QUERY = /^\/(ar|fr|en)\/(organisations|clusters|search)$/;

export type AppEnv = {
  Variables: {
    requestId: string;
    secureHeadersNonce?: string;
  };
};

export interface HttpAppOptions {
  config: Config;
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Mounted before the page handler: static files in production. */
  staticHandler?: Parameters<Hono<AppEnv>['use']>[1];
}

export function createHttpApp({ config, build, staticHandler }: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const isProduction = config.env === 'production';

  app.use(requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }));

  // better-auth's rate limiter keys on this header: a client's own value is dropped and replaced
  // by the address we trust (the connection, or the proxy's X-Forwarded-For with TRUST_PROXY).
  app.use(async (c, next) => {
    c.req.raw.headers.delete(CLIENT_IP_HEADER);
    const ip = clientIp(c, config.trustProxy);
    if (ip) c.req.raw.headers.set(CLIENT_IP_HEADER, ip);
    await next();
  });

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: isProduction ? ["'self'"] : ["'self'", 'ws://localhost:24679'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: isProduction ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );

  // Cross-origin form posts are refused before any handler runs (Origin must be ours), except
  // API calls authenticated by a bearer token, which a browser cannot forge (see carriesBearerToken).
  const refuseCrossOrigin = csrf({
    origin: (origin, c) => origin === config.publicUrl || origin === new URL(c.req.url).origin,
  });
  app.use((c, next) =>
    c.req.path.startsWith(`${API_BASE_PATH}/`) && carriesBearerToken(c.req.header('authorization')) ? next() : refuseCrossOrigin(c, next),
  );

  const health = createHealthCheck(getDatabase, config.version);
  app.get('/api/health', async (c) => {
    const result = await health();
    return c.json(result, result.status === 'ok' ? 200 : 503);
  });

  app.on(['GET', 'POST'], `${AUTH_BASE_PATH}/*`, async (c) => (await getAuth()).handler(c.req.raw));

  app.route(API_BASE_PATH, createPublicApi(config));
  app.route('/', createPublicApiDocs());

  app.get('/i18n/:file', serveCatalog);

  // Logos and photos of the directory, from our own origin (no other origin serves images).
  app.get('/media/:id', (c) => directoryImageResponse(c.req.param('id')));

  app.get('/', (c) => c.redirect(`/${negotiateLocale(c.req.header('accept-language'))}/`, 302));

  if (staticHandler) app.use('*', staticHandler);

  const handleRequest = createRequestHandler(build, isProduction ? 'production' : 'development');
  const pageCache = createPublicPageCache({
    ttlMs: config.pageCacheSeconds * 1000,
    staleMs: config.pageCacheStaleSeconds * 1000,
    queryKeyedPaths: PUBLIC_VIEWS_WITH_QUERY,
  });
  app.all('*', (c) =>
    pageCache.serve(c.req.raw, c.get('secureHeadersNonce') ?? '', async () => {
      const nonce = c.get('secureHeadersNonce') ?? '';
      const credentials = await resolveRequestCredentials(c.req.raw.headers).catch(invalidTokenResponse);
      if (credentials instanceof Response) return credentials;
      const { actor, setCookies } = credentials;
      const context = new RouterContextProvider();
      context.set(requestContext, {
        requestId: c.get('requestId'),
        nonce,
        actor,
        clientIp: clientIp(c, config.trustProxy),
      });
      const response = await handleRequest(c.req.raw, context);
      // The page's own cookies win (a sign-out clears the session the request started with).
      const setByPage = new Set(response.headers.getSetCookie().map(cookieName));
      for (const cookie of setCookies) if (!setByPage.has(cookieName(cookie))) response.headers.append('Set-Cookie', cookie);
      return response;
    }),
  );

  return app;
}

function cookieName(setCookie: string): string {
  return setCookie.slice(0, setCookie.indexOf('=')).trim();
}
