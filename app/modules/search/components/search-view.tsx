/**
 * The search page: a GET form (works without JavaScript), tabs by kind with their counts, ranked
 * results with the matching words in <mark>, and pagination; every state has its own URL.
 */
import { Link } from 'react-router';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { displayText } from '#app/shared/i18n/translatable.ts';
import { SEARCH_QUERY_MAX_LENGTH, type SearchResponse, type SearchResult } from '../search.contracts.ts';
import { SEARCH_KIND_CODES, SEARCH_KINDS, type SearchKindCode } from '../search-kinds.ts';

export type SearchPageState =
  | { state: 'prompt' }
  | { state: 'invalid'; query: string }
  | { state: 'results'; kind: SearchKindCode | null; response: SearchResponse };

type Segments = SearchResult['highlights']['title'];

function searchHref(locale: Locale, query: string, kind: SearchKindCode | null, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (kind) params.set('kind', kind);
  if (page > 1) params.set('page', String(page));
  return `/${locale}/search?${params}`;
}

/** A translatable text in the reader's language (or its fallback), its matches marked. */
function Highlighted({ text, segments, sourceLocale }: { text: SearchResult['title']; segments: Segments; sourceLocale: string }) {
  const locale = useLocale();
  const shown = displayText(text, locale, sourceLocale);
  if (!shown) return null;
  const parts = segments[shown.lang] ?? [{ text: shown.text, match: false }];
  return (
    <span lang={shown.isFallback ? shown.lang : undefined} dir="auto">
      {parts.map((part, index) =>
        // Segments are positional pieces of one text: their index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const t = useT();
  const locale = useLocale();
  const country = result.countryIso2 ? new Intl.DisplayNames([locale], { type: 'region' }).of(result.countryIso2) : null;
  const hasSummary = Object.values(result.summary).some(Boolean);
  return (
    <li className="search-result">
      <article>
        <p className="search-result__tags">
          <span className="search-result__kind">{t(SEARCH_KINDS[result.kind].labelKey)}</span>
          {country ? <span>{t('search.results.country', { country })}</span> : null}
          {result.isDemo ? (
            <span className="search-result__demo" title={t('directory.demo.explanation')}>
              {t('directory.demo.badge')}
            </span>
          ) : null}
        </p>
        <h3 className="search-result__title">
          <Link to={`/${locale}${result.path}`}>
            <Highlighted text={result.title} segments={result.highlights.title} sourceLocale={result.sourceLocale} />
          </Link>
        </h3>
        {hasSummary ? (
          <p className="search-result__summary">
            <Highlighted text={result.summary} segments={result.highlights.summary} sourceLocale={result.sourceLocale} />
          </p>
        ) : null}
      </article>
    </li>
  );
}

function KindFilter({
  query,
  kind,
  counts,
  countIsCapped,
}: {
  query: string;
  kind: SearchKindCode | null;
  counts: SearchResponse['counts'];
  countIsCapped: SearchResponse['countIsCapped'];
}) {
  const t = useT();
  const locale = useLocale();
  // A capped count reads "1,000+": there are more matches than were counted.
  const shown = (count: number, capped: boolean) => (capped ? t('search.countCapped', { count }) : count);
  const all = SEARCH_KIND_CODES.reduce((sum, code) => sum + counts[code], 0);
  const options: { code: SearchKindCode | null; label: string }[] = [
    {
      code: null,
      label: t('search.filter.all', {
        count: shown(
          all,
          SEARCH_KIND_CODES.some((code) => countIsCapped[code]),
        ),
      }),
    },
    ...SEARCH_KIND_CODES.map((code) => ({ code, label: t(`search.filter.${code}`, { count: shown(counts[code], countIsCapped[code]) }) })),
  ];
  return (
    <nav aria-label={t('search.filter.label')} className="search-kinds">
      <ul>
        {options.map((option) => (
          <li key={option.code ?? 'all'}>
            <Link to={searchHref(locale, query, option.code)} aria-current={option.code === kind ? 'page' : undefined}>
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pagination({ query, kind, page, pageCount }: { query: string; kind: SearchKindCode | null; page: number; pageCount: number }) {
  const t = useT();
  const locale = useLocale();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('search.pagination.label')} className="search-pagination">
      {page > 1 ? <Link to={searchHref(locale, query, kind, page - 1)}>{t('search.pagination.previous')}</Link> : null}
      <span>{t('search.pagination.status', { page, pageCount })}</span>
      {page < pageCount ? <Link to={searchHref(locale, query, kind, page + 1)}>{t('search.pagination.next')}</Link> : null}
    </nav>
  );
}

export function SearchView(props: SearchPageState) {
  const t = useT();
  const locale = useLocale();
  const query = props.state === 'prompt' ? '' : props.state === 'invalid' ? props.query : props.response.query;
  const kind = props.state === 'results' ? props.kind : null;
  const hintId = 'search-query-hint';
  return (
    <div className="search-page">
      <h1>{t('search.title')}</h1>
      <p className="search-page__lead">{t('search.lead')}</p>
      <search aria-label={t('search.form.label')}>
        <form method="get" action={`/${locale}/search`} className="search-form">
          <div className="field">
            <label htmlFor="search-query">{t('search.form.label')}</label>
            <p id={hintId} className="field__hint">
              {t('search.form.hint')}
            </p>
            <div className="search-form__row">
              <input
                id="search-query"
                type="search"
                name="q"
                defaultValue={query}
                maxLength={SEARCH_QUERY_MAX_LENGTH}
                dir="auto"
                autoComplete="off"
                aria-describedby={hintId}
              />
              {kind ? <input type="hidden" name="kind" value={kind} /> : null}
              <button type="submit" className="button button--primary">
                {t('search.form.submit')}
              </button>
            </div>
          </div>
        </form>
      </search>
      {props.state === 'invalid' ? (
        <p className="form-error" role="alert">
          {t('search.results.invalid', { max: SEARCH_QUERY_MAX_LENGTH })}
        </p>
      ) : null}
      {props.state === 'results' ? <SearchResults kind={props.kind} response={props.response} /> : null}
    </div>
  );
}

function SearchResults({ kind, response }: { kind: SearchKindCode | null; response: SearchResponse }) {
  const t = useT();
  if (response.tooShort) {
    return (
      <p className="search-page__status" role="status">
        {t('search.results.tooShort')}
      </p>
    );
  }
  return (
    <section aria-labelledby="search-results-heading" className="search-results">
      <h2 id="search-results-heading" className="visually-hidden">
        {t('search.results.heading')}
      </h2>
      <KindFilter query={response.query} kind={kind} counts={response.counts} countIsCapped={response.countIsCapped} />
      <p className="search-page__status" role="status">
        <bdi>
          {t(response.totalIsCapped ? 'search.results.countCapped' : 'search.results.count', {
            count: response.total,
            query: response.query,
          })}
        </bdi>
      </p>
      {response.items.length > 0 ? (
        <ol className="search-results__list">
          {response.items.map((result) => (
            <ResultItem key={`${result.kind}:${result.slug}`} result={result} />
          ))}
        </ol>
      ) : (
        <p>{t('search.results.empty', { query: response.query })}</p>
      )}
      <Pagination query={response.query} kind={kind} page={response.page} pageCount={response.pageCount} />
    </section>
  );
}
