/**
 * The organisations directory over the API, read side: the filtered list (the directory page's
 * filters and search, paged, facet counts on request) and one organisation's profile. Public:
 * anyone may read published organisations; contact details come only to signed-in callers and
 * only for organisations that consented (the presenter decides). Adapters only.
 */
import { z } from 'zod';
import { createApiRouter, jsonContent, problemContent, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { negotiateLocale } from '#app/shared/i18n/locales.ts';
import { organisationProfileSchema, organisationSummarySchema, slugSchema, translatableTextSchema } from './directory.contracts.ts';
import { FACET_KEYS, organisationFiltersSchema } from './organisation-filters.ts';
import { DEFAULT_PAGE_SIZE, getOrganisation, listOrganisations, MAX_PAGE_SIZE } from './organisations.query.server.ts';

export const ORGANISATIONS_TAG = 'organisations';

const listQuerySchema = organisationFiltersSchema.extend({
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  facets: z
    .enum(['true', 'false'])
    .default('false')
    .meta({ description: '`true` adds the facet counts: each facet counted with the other filters applied.' }),
});

const facetValueSchema = z
  .object({
    value: z.string().meta({ example: 'TN' }),
    count: z.number().int(),
    label: translatableTextSchema
      .nullable()
      .meta({ description: 'Name of a country, subsector, material or cluster; null for codes of closed vocabularies.' }),
    selected: z.boolean(),
  })
  .meta({ id: 'FacetValue' });

const organisationListSchema = z
  .object({
    items: z.array(organisationSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    facets: z
      .object(
        Object.fromEntries(FACET_KEYS.map((key) => [key, z.array(facetValueSchema)])) as Record<
          (typeof FACET_KEYS)[number],
          z.ZodArray<typeof facetValueSchema>
        >,
      )
      .nullable()
      .meta({
        description: 'Counts per value of country, subsector, type, size, womenLed, material and cluster; null unless `facets=true`.',
      }),
  })
  .meta({ id: 'OrganisationList' });

const listOrganisationsRoute = publicRoute({
  method: 'get',
  path: '/organisations',
  tags: [ORGANISATIONS_TAG],
  operationId: 'listOrganisations',
  summary: 'Organisations',
  description:
    'Published organisations of the directory, filtered like the directory page: repeat a key for several values of one facet (`?country=TN&country=MA`, any of them), facets narrow each other. With `q`, results are ranked by relevance unless `sort` says otherwise. Names are ordered in the language of `Accept-Language`.',
  request: { query: listQuerySchema },
  responses: { 200: jsonContent(organisationListSchema, 'A page of organisations with the total.') },
});

const getOrganisationRoute = publicRoute({
  method: 'get',
  path: '/organisations/{slug}',
  tags: [ORGANISATIONS_TAG],
  operationId: 'getOrganisation',
  summary: 'An organisation',
  description:
    'The profile of a published organisation with its clusters. `contact` is null unless the caller is signed in and the organisation consented to show it.',
  request: { params: z.object({ slug: slugSchema }) },
  responses: {
    200: jsonContent(organisationProfileSchema, 'The organisation’s profile.'),
    404: problemContent('No published organisation has this slug.', { status: 404, code: 'DIRECTORY_ORGANISATION_NOT_FOUND' }),
  },
});

export function createOrganisationsApi() {
  return createApiRouter()
    .openapi(listOrganisationsRoute, async (c) => {
      const { pageSize, facets, ...filters } = c.req.valid('query');
      const list = await listOrganisations(c.get('actor') ?? anonymous, filters, {
        pageSize,
        facets: facets === 'true',
        locale: negotiateLocale(c.req.header('accept-language')),
      });
      return c.json(list, 200);
    })
    .openapi(getOrganisationRoute, async (c) => c.json(await getOrganisation(c.get('actor') ?? anonymous, c.req.valid('param').slug), 200));
}
