/**
 * The twins finder over the API: the counterparts in other countries of a cluster or of an
 * organisation, ranked, with their reasons as codes and evidence plus a sentence in the language
 * of `?locale=` or `Accept-Language`. Public; contact details only as the presenter allows.
 * Adapters only.
 */
import { z } from 'zod';
import { createApiRouter, jsonContent, problemContent, publicRoute } from '#app/shared/api/router.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { LOCALES, type Locale, negotiateLocale } from '#app/shared/i18n/locales.ts';
import { slugSchema } from './directory.contracts.ts';
import { TWINS_PAGE_SIZE, type TwinsFilters, type TwinsResponse, twinsFiltersSchema, twinsResponseSchema } from './twins.contracts.ts';
import { describeTwinReason } from './twins.reasons.ts';
import { findClusterTwins, findOrganisationTwins, TWINS_SOURCE_NOT_FOUND, type TwinsResult } from './twins.service.server.ts';
import type { TwinReason } from './twins.ts';

export const TWINS_TAG = 'twins';

const querySchema = twinsFiltersSchema.extend({
  locale: z.enum(LOCALES).optional().meta({ description: 'Language of the reasons’ labels; `Accept-Language` otherwise.' }),
});

const notFound = problemContent('No such cluster, or no such published organisation.', { status: 404, code: TWINS_SOURCE_NOT_FOUND });

const description = (what: string) =>
  `The counterparts of ${what} in other countries: clusters (all of them, best first) and organisations (${TWINS_PAGE_SIZE} a page), each with a score out of 100 and its reasons (same subsector or family, shared materials and techniques, complementary value chain or markets, a shared working language, a similar size). Only published organisations take part; contact details come only to signed-in callers and only for organisations that consented.`;

const clusterTwinsRoute = publicRoute({
  method: 'get',
  path: '/clusters/{slug}/twins',
  tags: [TWINS_TAG],
  operationId: 'listClusterTwins',
  summary: 'Twins of a cluster',
  description: description('a cluster'),
  request: { params: z.object({ slug: slugSchema }), query: querySchema },
  responses: { 200: jsonContent(twinsResponseSchema, 'The twins, best first.'), 404: notFound },
});

const organisationTwinsRoute = publicRoute({
  method: 'get',
  path: '/organisations/{slug}/twins',
  tags: [TWINS_TAG],
  operationId: 'listOrganisationTwins',
  summary: 'Twins of an organisation',
  description: description('an organisation'),
  request: { params: z.object({ slug: slugSchema }), query: querySchema },
  responses: { 200: jsonContent(twinsResponseSchema, 'The twins, best first.'), 404: notFound },
});

function toResponse(result: TwinsResult, locale: Locale): TwinsResponse {
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, id, values);
  const labelled = (reasons: TwinReason[]) =>
    reasons.map((reason) => ({ ...reason, label: describeTwinReason(reason, locale, result.names, t) }));
  return {
    source: { kind: result.source.kind, slug: result.source.slug, countryIso2: result.source.countryIso2 },
    locale,
    clusters: result.clusters.map((twin) => ({ ...twin, reasons: labelled(twin.reasons) })),
    organisations: {
      ...result.organisations,
      items: result.organisations.items.map((twin) => ({ ...twin, reasons: labelled(twin.reasons) })),
    },
  };
}

async function twinsResponse(
  find: typeof findClusterTwins,
  actor: Actor | undefined,
  slug: string,
  { locale, ...filters }: TwinsFilters & { locale?: Locale },
  acceptLanguage: string | undefined,
): Promise<TwinsResponse> {
  const result = await find(actor ?? anonymous, slug, filters);
  return toResponse(result, locale ?? negotiateLocale(acceptLanguage));
}

export function createTwinsApi() {
  return createApiRouter()
    .openapi(clusterTwinsRoute, async (c) =>
      c.json(
        await twinsResponse(
          findClusterTwins,
          c.get('actor'),
          c.req.valid('param').slug,
          c.req.valid('query'),
          c.req.header('accept-language'),
        ),
        200,
      ),
    )
    .openapi(organisationTwinsRoute, async (c) =>
      c.json(
        await twinsResponse(
          findOrganisationTwins,
          c.get('actor'),
          c.req.valid('param').slug,
          c.req.valid('query'),
          c.req.header('accept-language'),
        ),
        200,
      ),
    );
}
