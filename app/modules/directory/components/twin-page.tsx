/**
 * The twins page of a cluster or an organisation: the source summarised, filters as a GET form
 * (works without JavaScript, every state is a shareable URL), the invitation list downloads, then
 * the twin clusters and a page of twin organisations.
 */
import { Form, Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { displayText, textIn } from '#app/shared/i18n/translatable.ts';
import { ORGANISATION_TYPES } from '../directory.vocabulary.ts';
import { type TwinsFilters, twinsFiltersQuery } from '../twins.contracts.ts';
import type { TwinsResult } from '../twins.service.server.ts';
import { ClusterTwinCard, OrganisationTwinCard } from './twin-card.tsx';

/** The twins page's path for a source: `/fr/clusters/batna-jewellery/twins`. */
export function twinsPath(locale: string, source: Pick<TwinsResult['source'], 'kind' | 'slug'>): string {
  return `/${locale}/${source.kind === 'cluster' ? 'clusters' : 'organisations'}/${source.slug}/twins`;
}

function SourceSummary({ result }: { result: TwinsResult }) {
  const t = useT();
  const locale = useLocale();
  const { source, names } = result;
  const country = textIn(names.countries[source.countryIso2], locale, null, source.countryIso2);
  const subsectors = source.subsectorCodes.map((code) => textIn(names.subsectors[code], locale, null, code));
  const materials = source.materialCodes.map((code) => textIn(names.materials[code], locale, null, code));
  const list = (values: string[]) =>
    values.length > 0 ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(values) : t('directory.twins.source.none');
  return (
    <dl className="twins-source" aria-label={t('directory.twins.source.label')}>
      <div>
        <dt>{t('directory.twins.source.country')}</dt>
        <dd>{country}</dd>
      </div>
      <div>
        <dt>{t('directory.twins.source.subsectors')}</dt>
        <dd>{list(subsectors)}</dd>
      </div>
      <div>
        <dt>{t('directory.twins.source.materials')}</dt>
        <dd>{list(materials)}</dd>
      </div>
    </dl>
  );
}

function Filters({ result, path }: { result: TwinsResult; path: string }) {
  const t = useT();
  const locale = useLocale();
  const { filters, names, source } = result;
  const countries = Object.entries(names.countries)
    .filter(([iso2]) => iso2 !== source.countryIso2)
    .map(([iso2, name]) => ({ iso2, name: textIn(name, locale, null, iso2) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const filtered = filters.country.length > 0 || filters.type.length > 0;
  return (
    <Form method="get" action={path} className="twins-filters" aria-label={t('directory.twins.filters.label')}>
      <fieldset className="twins-filters__group">
        <legend>{t('directory.twins.filters.country')}</legend>
        {countries.map((country) => (
          <label key={country.iso2} className="choice">
            <input type="checkbox" name="country" value={country.iso2} defaultChecked={filters.country.includes(country.iso2)} />
            {country.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="twins-filters__group" aria-describedby="twins-type-hint">
        <legend>{t('directory.twins.filters.type')}</legend>
        <p id="twins-type-hint" className="field__hint">
          {t('directory.twins.filters.typeHint')}
        </p>
        {ORGANISATION_TYPES.map((type) => (
          <label key={type} className="choice">
            <input type="checkbox" name="type" value={type} defaultChecked={filters.type.includes(type as TwinsFilters['type'][number])} />
            {t(`directory.type.${type}`)}
          </label>
        ))}
      </fieldset>
      <p className="twins-filters__actions">
        <button type="submit" className="button button--primary">
          {t('directory.twins.filters.apply')}
        </button>
        {filtered && <Link to={path}>{t('directory.twins.filters.clear')}</Link>}
      </p>
    </Form>
  );
}

function Pagination({ result, path }: { result: TwinsResult; path: string }) {
  const t = useT();
  const { page, pageSize, total, hasNext } = result.organisations;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page === 1) return null;
  const to = (target: number) => `${path}${twinsFiltersQuery({ ...result.filters, page: target })}`;
  return (
    <nav className="twins-pagination" aria-label={t('directory.twins.pagination.label')}>
      {page > 1 && (
        <Link to={to(page - 1)} rel="prev">
          {t('directory.twins.pagination.previous')}
        </Link>
      )}
      <span aria-current="page">{t('directory.twins.pagination.page', { page, pages })}</span>
      {hasNext && (
        <Link to={to(page + 1)} rel="next">
          {t('directory.twins.pagination.next')}
        </Link>
      )}
    </nav>
  );
}

export function TwinsView({ result }: { result: TwinsResult }) {
  const t = useT();
  const locale = useLocale();
  const { source, names, clusters, organisations, filters } = result;
  const path = twinsPath(locale, source);
  const profilePath = path.replace(/\/twins$/, '');
  const shown = displayText(source.name, locale, source.sourceLocale);
  const name = (
    <bdi key="name" lang={shown?.isFallback ? shown.lang : undefined}>
      {shown?.text ?? source.slug}
    </bdi>
  );
  const filtered = filters.country.length > 0 || filters.type.length > 0;
  const exportQuery = twinsFiltersQuery({ ...filters, page: 1 });
  return (
    <article className="twins">
      <header className="twins__header">
        <p className="twins__kind">
          {t(`directory.twins.source.${source.kind}`)}
          {source.isDemo && (
            <>
              {' '}
              <span className="twin-badge twin-badge--demo" title={t('directory.demo.explanation')}>
                {t('directory.demo.badge')}
              </span>
            </>
          )}
        </p>
        <h1>{t('directory.twins.heading', { name })}</h1>
        <p className="lead">{t('directory.twins.lead')}</p>
        <SourceSummary result={result} />
        <p>
          <Link to={profilePath}>{t('directory.twins.source.profile', { name: shown?.text ?? source.slug })}</Link>
        </p>
      </header>

      <Filters result={result} path={path} />

      <section className="twins-export" aria-labelledby="twins-export-heading">
        <h2 id="twins-export-heading">{t('directory.twins.export.heading')}</h2>
        <p className="field__hint">{t('directory.twins.export.hint')}</p>
        <p className="twins-export__links">
          <a className="button" href={`${path}/export.csv${exportQuery}`} download>
            {t('directory.twins.export.csv')}
          </a>
          <a className="button" href={`${path}/export.xlsx${exportQuery}`} download>
            {t('directory.twins.export.xlsx')}
          </a>
        </p>
      </section>

      <section className="twins-section" aria-labelledby="twins-clusters-heading">
        <h2 id="twins-clusters-heading">
          {t('directory.twins.clusters.heading')}{' '}
          <span className="twins-section__count">({new Intl.NumberFormat(locale).format(clusters.length)})</span>
        </h2>
        {clusters.length === 0 ? (
          <p>{t(filtered ? 'directory.twins.empty.filtered' : 'directory.twins.empty.clusters')}</p>
        ) : (
          <ol className="twins-list">
            {clusters.map((twin) => (
              <ClusterTwinCard key={twin.cluster.slug} twin={twin} names={names} />
            ))}
          </ol>
        )}
      </section>

      <section className="twins-section" aria-labelledby="twins-organisations-heading">
        <h2 id="twins-organisations-heading">
          {t('directory.twins.organisations.heading')}{' '}
          <span className="twins-section__count">({new Intl.NumberFormat(locale).format(organisations.total)})</span>
        </h2>
        {organisations.items.length === 0 ? (
          <p>{t(filtered ? 'directory.twins.empty.filtered' : 'directory.twins.empty.organisations')}</p>
        ) : (
          <ol className="twins-list" start={(organisations.page - 1) * organisations.pageSize + 1}>
            {organisations.items.map((twin) => (
              <OrganisationTwinCard key={twin.organisation.slug} twin={twin} names={names} />
            ))}
          </ol>
        )}
        <Pagination result={result} path={path} />
      </section>
    </article>
  );
}
