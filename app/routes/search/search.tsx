/** /{locale}/search?q=&kind=&page=: the site search (GET form; every state is a shareable URL). */

import { SearchView } from '#app/modules/search/components/search-view.tsx';
import { SEARCH_KIND_CODES, type SearchKindCode, search } from '#app/modules/search/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { pageTitle, rootMessages } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/search';
import '#app/styles/search.css';

function kindFrom(value: string | null): SearchKindCode | null {
  return SEARCH_KIND_CODES.find((code) => code === value) ?? null;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = url.searchParams.get('q')?.trim() ?? '';
  if (!query) return { state: 'prompt' as const };
  const kind = kindFrom(url.searchParams.get('kind'));
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  try {
    const response = await search(context.get(requestContext).actor, {
      q: query,
      ...(kind ? { kind } : {}),
      page: Number.isFinite(page) && page >= 1 ? page : 1,
    });
    return { state: 'results' as const, kind, response };
  } catch (error) {
    // A query too long (or a page out of range) shows the form again with its message.
    if (isAppError(error) && error.code === 'COMMON_VALIDATION_FAILED') return { state: 'invalid' as const, query };
    throw error;
  }
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const messages = rootMessages(matches);
  const tags = pageTitle(messages, 'search.title', 'search.meta.description');
  const query =
    loaderData && loaderData.state !== 'prompt' ? (loaderData.state === 'invalid' ? loaderData.query : loaderData.response.query) : '';
  if (!query) return tags;
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const title = (messages?.['search.meta.titleWithQuery'] ?? '{query}').replace('{query}', query);
  return [
    { title: `${title} · ${brand}` },
    { property: 'og:title', content: title },
    ...tags.filter((tag) => !('title' in tag) && tag.property !== 'og:title'),
  ];
};

export default function SearchPage({ loaderData }: Route.ComponentProps) {
  return <SearchView {...loaderData} />;
}
