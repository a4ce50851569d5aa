/**
 * The organisations directory page. Every state (search text, facet values, sort, page) is the
 * URL, so a view can be shared and the page works without JavaScript: facets are links, the
 * search and the sort are GET forms.
 */
import { useIntl } from 'react-intl';
import { Form } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { useClientNavigation } from '#app/shared/ui/client-navigation.ts';
import {
  effectiveSort,
  filtersQuery,
  filtersToSearchParams,
  labelsFromFacets,
  type OrganisationFilters,
  withPage,
} from '../organisation-filters.ts';
import type { OrganisationList } from '../organisations.query.server.ts';
import { ActiveFilters, FacetPanel } from './facets.tsx';
import { OrganisationCard } from './organisation-card.tsx';
import '#app/styles/directory.css';

/** The view's other parameters as hidden fields, so a GET form changes one thing and keeps the rest. */
function KeepFilters({ filters, except }: { filters: OrganisationFilters; except: 'q' | 'sort' }) {
  const params = filtersToSearchParams({ ...filters, page: 1, [except]: undefined });
  return (
    <>
      {[...params].map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function SearchForm({ filters, basePath }: { filters: OrganisationFilters; basePath: string }) {
  const t = useT();
  return (
    <Form method="get" action={basePath} className="directory-search" role="search">
      <div className="field directory-search__field">
        <label htmlFor="directory-q">{t('directory.organisations.search.label')}</label>
        <input
          id="directory-q"
          type="search"
          name="q"
          defaultValue={filters.q ?? ''}
          maxLength={200}
          aria-describedby="directory-q-hint"
          dir="auto"
        />
        <p id="directory-q-hint" className="field__hint">
          {t('directory.organisations.search.hint')}
        </p>
      </div>
      <KeepFilters filters={filters} except="q" />
      <button type="submit" className="button button--primary directory-search__submit">
        {t('directory.organisations.search.submit')}
      </button>
    </Form>
  );
}

function SortForm({ filters, basePath }: { filters: OrganisationFilters; basePath: string }) {
  const t = useT();
  const sorts = filters.q ? (['relevance', 'name', 'newest'] as const) : (['name', 'newest'] as const);
  return (
    <Form method="get" action={basePath} className="sort-form">
      <KeepFilters filters={filters} except="sort" />
      <label htmlFor="directory-sort">{t('directory.organisations.sort.label')}</label>
      <select id="directory-sort" name="sort" defaultValue={effectiveSort(filters)}>
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {t(`directory.organisations.sort.${sort}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t('directory.organisations.sort.apply')}
      </button>
    </Form>
  );
}

function Pager({ filters, pageCount, basePath }: { filters: OrganisationFilters; pageCount: number; basePath: string }) {
  const t = useT();
  const { page } = filters;
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={t('directory.organisations.pagination.label')}>
      {page > 1 ? (
        <a href={`${basePath}${filtersQuery(withPage(filters, Math.min(page - 1, pageCount)))}`} rel="prev">
          {t('directory.organisations.pagination.previous')}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('directory.organisations.pagination.page', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <a href={`${basePath}${filtersQuery(withPage(filters, page + 1))}`} rel="next">
          {t('directory.organisations.pagination.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function ExportLinks({ filters, basePath }: { filters: OrganisationFilters; basePath: string }) {
  const t = useT();
  const query = filtersQuery(withPage(filters, 1));
  return (
    <section className="export-links" aria-labelledby="export-title">
      <h2 id="export-title">{t('directory.organisations.export.title')}</h2>
      <p className="field__hint" id="export-hint">
        {t('directory.organisations.export.hint')}
      </p>
      <ul>
        <li>
          <a href={`${basePath}/export.csv${query}`} download aria-describedby="export-hint">
            {t('directory.organisations.export.csv')}
          </a>
        </li>
        <li>
          <a href={`${basePath}/export.xlsx${query}`} download aria-describedby="export-hint">
            {t('directory.organisations.export.xlsx')}
          </a>
        </li>
      </ul>
    </section>
  );
}

export interface OrganisationDirectoryProps {
  list: OrganisationList;
  filters: OrganisationFilters;
  /** Address parts that were not understood (shown in a notice). */
  ignored: string[];
}

/** The directory page: search, facets, active filters, results, sort, pages and downloads. */
export function OrganisationDirectory({ list, filters, ignored }: OrganisationDirectoryProps) {
  const t = useT();
  const intl = useIntl();
  const locale = useLocale();
  const basePath = `/${locale}/organisations`;
  const facets = list.facets!;
  const labels = labelsFromFacets(facets);
  const links = useClientNavigation<HTMLDivElement>();
  return (
    <div className="directory" ref={links}>
      <h1>{t('directory.organisations.title')}</h1>
      <p className="lead">{t('directory.organisations.lead')}</p>
      <SearchForm filters={filters} basePath={basePath} />
      {ignored.length > 0 && (
        <p className="notice" role="status">
          {t('directory.organisations.ignored', { list: intl.formatList(ignored) })}
        </p>
      )}
      <div className="directory__layout">
        <FacetPanel facets={facets} filters={filters} basePath={basePath} />
        <section className="directory__results" aria-labelledby="results-title">
          <div className="results-bar">
            <h2 id="results-title" className="results-bar__count">
              {t('directory.organisations.results.count', { count: list.total })}
            </h2>
            {list.total > 1 && <SortForm filters={filters} basePath={basePath} />}
          </div>
          <ActiveFilters facets={facets} filters={filters} basePath={basePath} />
          {list.items.length > 0 ? (
            <ul className="org-list">
              {list.items.map((organisation) => (
                <OrganisationCard key={organisation.id} organisation={organisation} labels={labels} />
              ))}
            </ul>
          ) : list.total > 0 ? (
            <p className="empty-state">
              {t('directory.organisations.results.beyond')}{' '}
              <a href={`${basePath}${filtersQuery(withPage(filters, 1))}`}>{t('directory.organisations.results.firstPage')}</a>
            </p>
          ) : (
            <div className="empty-state">
              <p className="empty-state__title">{t('directory.organisations.results.empty.title')}</p>
              <p>{t('directory.organisations.results.empty.body')}</p>
            </div>
          )}
          <Pager filters={filters} pageCount={list.pageCount} basePath={basePath} />
          {list.total > 0 && <ExportLinks filters={filters} basePath={basePath} />}
        </section>
      </div>
    </div>
  );
}
