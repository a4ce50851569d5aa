/** What the twins pages and downloads share on the server: reading the request, refusals, meta. */
import type { RouterContextProvider } from 'react-router';
import { findClusterTwins, findOrganisationTwins, type TwinKind, twinsFiltersFromSearchParams } from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';

export interface TwinsRouteArgs {
  params: { lang?: string; slug?: string };
  request: Request;
  context: Readonly<RouterContextProvider>;
}

/** An unknown or unpublished source becomes the 404 page. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

/** The page's data: filters read leniently from the URL, so a shared or edited link still shows something. */
export function loadTwins({ params, request, context }: TwinsRouteArgs, kind: TwinKind) {
  const find = kind === 'cluster' ? findClusterTwins : findOrganisationTwins;
  const filters = twinsFiltersFromSearchParams(new URL(request.url).searchParams);
  return find(context.get(requestContext).actor, params.slug ?? '', filters).catch(asErrorResponse);
}
