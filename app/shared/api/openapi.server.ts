/**
 * The OpenAPI 3.1 description of the public API, generated from the routes' Zod contracts.
 */
import { type ApiRouter, BEARER_SCHEME } from './router.server.ts';

export interface ApiTag {
  name: string;
  description: string;
}

export interface ApiDocumentOptions {
  version: string;
  /** Absolute URL the API is served under, e.g. `https://mosaic.example.org/api/v1`. */
  serverUrl: string;
  tags: readonly ApiTag[];
}

const DESCRIPTION = [
  'The public API of Mosaic, the platform for developing clusters in the cultural and creative industries of the Southern Mediterranean.',
  '',
  'Authenticate with a personal API token (create one in your account settings) sent as `Authorization: Bearer <token>`; a token acts with its owner’s permissions. A browser signed in to Mosaic may also call the API with its session cookie.',
  '',
  'Errors are RFC 9457 problem details (`application/problem+json`) whose `title` and messages follow the request’s `Accept-Language` (ar, fr or en); `code` is stable and `instance` repeats the `X-Request-Id` response header.',
].join('\n');

/** Declares what every document shares: the bearer scheme (the Problem schema comes with the routes). */
export function registerApiComponents(router: ApiRouter): void {
  router.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (`mos_...`), created in account settings.',
  });
}

export function buildOpenApiDocument(router: ApiRouter, options: ApiDocumentOptions) {
  return router.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Mosaic API',
      version: options.version,
      description: DESCRIPTION,
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: options.serverUrl }],
    tags: [...options.tags],
  });
}
