/**
 * The public API composition: `/api/v1` (each module's operations, its OpenAPI 3.1 description at
 * `/api/v1/openapi.json`) and the API reference page at `/api/docs`. A module adds its operations
 * by exporting `create<Module>Api()` from its index.ts and listing it in `MODULE_APIS` with its tag.
 */

import {
  createClustersApi,
  createDirectoryApi,
  createOrganisationAdminApi,
  createOrganisationsApi,
  createTwinsApi,
} from '#app/modules/directory/index.ts';
import { createEventsApi, EVENTS_TAG } from '#app/modules/events/index.ts';
import { createFormsApi, FORMS_TAG } from '#app/modules/forms/index.ts';
import { createIdentityApi, resolveRequestActor } from '#app/modules/identity/index.ts';
import { createNeedsApi, NEEDS_TAG } from '#app/modules/needs/index.ts';
import { createSearchApi, SEARCH_TAG } from '#app/modules/search/index.ts';
import { createApiDocs } from '#app/shared/api/docs.server.ts';
import { buildOpenApiDocument, registerApiComponents } from '#app/shared/api/openapi.server.ts';
import { type ApiRouter, createApiRouter, resolveActor } from '#app/shared/api/router.server.ts';
import type { Config } from '#app/shared/config.server.ts';
import { CommonErrors } from '#app/shared/errors.ts';

export const API_BASE_PATH = '/api/v1';
export const API_DOCS_PATH = '/api/docs';
export const OPENAPI_PATH = `${API_BASE_PATH}/openapi.json`;

const MODULE_APIS = [
  { tag: { name: 'identity', description: 'Your account: profile and sessions.' }, create: createIdentityApi },
  {
    tag: { name: 'directory', description: 'Reference data: countries and the taxonomy of the cultural and creative industries.' },
    create: createDirectoryApi,
  },
  {
    tag: {
      name: 'organisations',
      description: 'The directory of enterprises and institutions: filtered, searched and paged lists, profiles.',
    },
    create: createOrganisationsApi,
  },
  {
    tag: {
      name: 'organisation-management',
      description:
        'Creating, proposing, editing and claiming organisations, their people, and the staff decisions on proposals and claims.',
    },
    create: createOrganisationAdminApi,
  },
  {
    tag: {
      name: 'clusters',
      description: 'Clusters of the programme: list and profiles, their members, managed by staff and cluster managers.',
    },
    create: createClustersApi,
  },
  {
    tag: {
      name: 'twins',
      description: 'The twins finder: counterparts of a cluster or an organisation in other countries, ranked, with the reasons.',
    },
    create: createTwinsApi,
  },
  {
    tag: {
      name: FORMS_TAG,
      description:
        'Forms (surveys, registrations, applications): versions built and published by their managers, answered page by page, responses listed and exported to XLSX, each read with its own version.',
    },
    create: createFormsApi,
  },
  {
    tag: {
      name: NEEDS_TAG,
      description:
        'The challenge taxonomy, and cluster diagnostics: rounds of challenges, SWOT and baseline figures, endorsed; the endorsed challenges the synthesis reads.',
    },
    create: createNeedsApi,
  },
  {
    tag: {
      name: EVENTS_TAG,
      description:
        'Events and workshops: the calendar, each event with its agenda, their iCalendar files and feeds; created, edited, published and cancelled by those who manage them; registration, invitations, check-in, workshop outputs, statistics and follow-up.',
    },
    create: createEventsApi,
  },
  {
    tag: {
      name: SEARCH_TAG,
      description: 'One search across clusters and organisations, in Arabic, French and English, ranked, with the matching words marked.',
    },
    create: createSearchApi,
  },
];

/** The router mounted at `/api/v1`. */
export function createPublicApi(config: Pick<Config, 'publicUrl' | 'version'>): ApiRouter {
  const api = createApiRouter();
  api.use(resolveActor(resolveRequestActor));
  for (const module of MODULE_APIS) api.route('/', module.create());
  registerApiComponents(api);

  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  api.get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument(api, {
      version: config.version,
      serverUrl: `${config.publicUrl}${API_BASE_PATH}`,
      tags: MODULE_APIS.map((module) => module.tag),
    });
    return c.json(document);
  });
  // Unknown operations answer a problem too, instead of falling through to the HTML pages.
  api.all('*', () => {
    throw CommonErrors.notFound();
  });
  return api;
}

/** The API reference page and its files under `/api/docs` (mount at the root). */
export function createPublicApiDocs() {
  return createApiDocs({ basePath: API_DOCS_PATH, specUrl: OPENAPI_PATH });
}
