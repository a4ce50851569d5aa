/**
 * /{locale}/clusters/{slug}: a cluster's profile: place, subsector, materials, stage, description,
 * anchor institution, facts each with its source, members with their roles, managers, links,
 * photos, a small map and its counterparts abroad (the twins finder). Its managers and programme
 * staff also get links to edit it, manage its members and read its history.
 */
import { Link } from 'react-router';
import { ClusterBadges } from '#app/modules/directory/components/cluster-card.tsx';
import { RegionMap } from '#app/modules/directory/components/region-map.tsx';
import { canManageCluster, getCluster } from '#app/modules/directory/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/profile';
import { asErrorResponse, referenceLabels } from './cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from './meta.ts';
import '#app/styles/clusters.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const locale = localeOf(params);
  if (!loaderData) return namedPageMeta(matches, pageMessage(matches, 'errors.DIRECTORY_CLUSTERS_NOT_FOUND'));
  const { cluster } = loaderData;
  return namedPageMeta(
    matches,
    textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug),
    textIn(cluster.description, locale, cluster.sourceLocale) || pageMessage(matches, 'directory.clusters.lead'),
  );
};

export async function loader({ params, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const [cluster, labels] = await Promise.all([getCluster(actor, params.slug).catch(asErrorResponse), referenceLabels()]);
  return { cluster, labels, canManage: canManageCluster(actor, cluster) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export default function ClusterProfilePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { cluster, labels, canManage } = loaderData;
  const base = `/${locale}/clusters/${cluster.slug}`;
  const name = textIn(cluster.name, locale, cluster.sourceLocale, cluster.slug);
  const countryName = textIn(labels.countries[cluster.countryIso2], locale, null, cluster.countryIso2);

  return (
    <article className="cluster-profile" aria-labelledby="cluster-name">
      <header className="cluster-profile__header">
        {cluster.logoUrl && <img className="cluster-profile__logo" src={cluster.logoUrl} alt="" width={64} height={64} />}
        <div>
          <p className="cluster-card__meta">
            <Link to={`/${locale}/clusters`}>{t('directory.clusters.title')}</Link>
          </p>
          <h1 id="cluster-name">
            <TranslatedText value={cluster.name} sourceLocale={cluster.sourceLocale} />
          </h1>
          <ClusterBadges stage={cluster.stage} isDemo={cluster.isDemo} />
        </div>
      </header>

      {canManage && (
        <nav aria-label={t('directory.clusters.manage.label')}>
          <ul className="cluster-actions">
            <li>
              <Link className="button" to={`${base}/edit`}>
                {t('directory.clusters.manage.edit')}
              </Link>
            </li>
            <li>
              <Link className="button" to={`${base}/members`}>
                {t('directory.clusters.manage.members')}
              </Link>
            </li>
            <li>
              <Link className="button" to={`${base}/history`}>
                {t('directory.clusters.manage.history')}
              </Link>
            </li>
          </ul>
        </nav>
      )}

      <dl className="cluster-profile__about">
        <dt>{t('directory.clusters.profile.place')}</dt>
        <dd>
          {cluster.city && (
            <>
              <TranslatedText value={cluster.city} sourceLocale={cluster.sourceLocale} />
              {', '}
            </>
          )}
          <Link to={`/${locale}/clusters?country=${cluster.countryIso2}`}>{countryName}</Link>
        </dd>
        <dt>{t('directory.clusters.profile.subsector')}</dt>
        <dd>{textIn(labels.subsectors[cluster.subsectorCode], locale, null, cluster.subsectorCode)}</dd>
        {cluster.materialCodes.length > 0 && (
          <>
            <dt>{t('directory.clusters.profile.materials')}</dt>
            <dd>{cluster.materialCodes.map((code) => textIn(labels.materials[code], locale, null, code)).join(' · ')}</dd>
          </>
        )}
        <dt>{t('directory.clusters.profile.stage')}</dt>
        <dd>{t(`directory.stage.${cluster.stage}`)}</dd>
        {cluster.anchor && (
          <>
            <dt>{t('directory.clusters.profile.anchor')}</dt>
            <dd>
              <Link to={`/${locale}/organisations/${cluster.anchor.slug}`}>
                <TranslatedText value={cluster.anchor.name} />
              </Link>
            </dd>
          </>
        )}
        {cluster.managers.length > 0 && (
          <>
            <dt>{t('directory.clusters.profile.managers', { count: cluster.managers.length })}</dt>
            <dd>{new Intl.ListFormat(locale, { type: 'conjunction' }).format(cluster.managers.map((manager) => manager.name))}</dd>
          </>
        )}
      </dl>

      {cluster.description && <TranslatedText value={cluster.description} sourceLocale={cluster.sourceLocale} as="p" className="lead" />}

      {cluster.latitude !== null && cluster.longitude !== null && (
        <RegionMap
          compact
          points={[{ key: cluster.slug, name, detail: countryName, longitude: cluster.longitude, latitude: cluster.latitude }]}
          countryCounts={[{ iso2: cluster.countryIso2, name: countryName, count: 1 }]}
          caption={t('directory.clusters.profile.mapCaption', { name })}
        />
      )}

      <p>
        <Link className="button button--primary" to={`${base}/twins`}>
          {t('directory.clusters.profile.twins')}
        </Link>{' '}
        <Link className="button" to={`${base}/diagnostic`}>
          {t('needs.diagnostics.profileLink')}
        </Link>
      </p>

      {cluster.facts.length > 0 && (
        <section aria-labelledby="cluster-facts" className="cluster-profile__facts">
          <h2 id="cluster-facts">{t('directory.clusters.profile.facts')}</h2>
          <ul>
            {cluster.facts.map((fact, index) => (
              // Facts have no identity of their own; their order is their position.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once per load, never reordered in place
              <li key={index}>
                <TranslatedText value={fact.text} sourceLocale={cluster.sourceLocale} />{' '}
                {fact.sourceUrl ? (
                  <a href={fact.sourceUrl} rel="noopener noreferrer external" className="cluster-fact__source">
                    {t('directory.clusters.profile.source', { site: hostOf(fact.sourceUrl) })}
                  </a>
                ) : (
                  <span className="field__hint">{t('directory.clusters.profile.noSource')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="cluster-members">
        <h2 id="cluster-members">{t('directory.clusters.memberCount', { count: cluster.members.length })}</h2>
        {cluster.members.length === 0 ? (
          <p>{t('directory.clusters.profile.noMembers')}</p>
        ) : (
          <ScrollTable
            id="cluster-profile-members"
            caption={t('directory.clusters.profile.membersCaption', { name })}
            captionClassName="visually-hidden"
          >
            <thead>
              <tr>
                <th scope="col">{t('directory.clusters.members.organisation')}</th>
                <th scope="col">{t('directory.clusters.members.type')}</th>
                <th scope="col">{t('directory.clusters.members.role')}</th>
              </tr>
            </thead>
            <tbody>
              {cluster.members.map((member) => (
                <tr key={member.slug}>
                  <td>
                    <Link to={`/${locale}/organisations/${member.slug}`}>
                      <TranslatedText value={member.name} />
                    </Link>
                    {member.isDemo && (
                      <>
                        {' '}
                        <span className="cluster-badge cluster-badge--demo" title={t('directory.demo.explanation')}>
                          {t('directory.demo.badge')}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{t(`directory.type.${member.type}`)}</td>
                  <td>{t(`directory.membershipRole.${member.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>

      {cluster.links.length > 0 && (
        <section aria-labelledby="cluster-links">
          <h2 id="cluster-links">{t('directory.clusters.profile.links')}</h2>
          <ul>
            {cluster.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener noreferrer external">
                  {t(`directory.clusters.linkKind.${link.kind}`)}: <bdi>{hostOf(link.url)}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {cluster.photoUrls.length > 0 && (
        <section aria-labelledby="cluster-photos">
          <h2 id="cluster-photos">{t('directory.clusters.profile.photos')}</h2>
          <ul className="cluster-photos">
            {cluster.photoUrls.map((url, index) => (
              <li key={url}>
                <img src={url} alt={t('directory.clusters.profile.photoAlt', { name, number: index + 1 })} loading="lazy" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
