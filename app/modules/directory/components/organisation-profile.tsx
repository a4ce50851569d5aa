/**
 * An organisation's public profile: every field that has a value, in the reader's language with
 * fallbacks said openly. Contact details appear only when the presenter gave them (consent and a
 * signed-in viewer); otherwise a note says why they are not shown.
 */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { OrganisationProfile } from '../directory.contracts.ts';
import type { DirectoryLabels } from '../organisation-filters.ts';
import { DemoBadge } from './organisation-card.tsx';
import '#app/styles/directory.css';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="profile-facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useLanguageName(): (code: string) => string {
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return (code) => names.of(code) ?? code;
}

function Facts({ organisation, labels }: { organisation: OrganisationProfile; labels: DirectoryLabels }) {
  const t = useT();
  const intl = useIntl();
  const locale = useLocale();
  const languageName = useLanguageName();
  const named = (names: Record<string, Parameters<typeof textIn>[0]>, codes: string[]) =>
    intl.formatList(
      codes.map((code) => textIn(names[code], locale, null, code)),
      { type: 'unit' },
    );
  const leadership = [
    organisation.womenLed && t('directory.womenLed'),
    organisation.womenOwned && t('directory.womenOwned'),
    organisation.youthLed && t('directory.youthLed'),
  ].filter((flag): flag is string => Boolean(flag));
  const hasStaff = organisation.staffTotal !== null || organisation.staffWomen !== null || organisation.staffMen !== null;
  return (
    <section aria-labelledby="profile-facts">
      <h2 id="profile-facts">{t('directory.organisations.profile.facts')}</h2>
      <dl className="profile-facts">
        <Fact label={t('directory.organisations.profile.type')}>{t(`directory.type.${organisation.type}`)}</Fact>
        {organisation.sizeClass && (
          <Fact label={t('directory.organisations.profile.size')}>{t(`directory.size.${organisation.sizeClass}`)}</Fact>
        )}
        {organisation.foundedYear !== null && (
          <Fact label={t('directory.organisations.profile.founded')}>
            {intl.formatNumber(organisation.foundedYear, { useGrouping: false })}
          </Fact>
        )}
        <Fact label={t('directory.organisations.profile.location')}>
          {organisation.city && (
            <>
              <TranslatedText value={organisation.city} sourceLocale={organisation.sourceLocale} />
              {', '}
            </>
          )}
          {textIn(labels.countries[organisation.countryIso2], locale, null, organisation.countryIso2)}
        </Fact>
        {organisation.subsectorCodes.length > 0 && (
          <Fact label={t('directory.organisations.profile.subsectors')}>{named(labels.subsectors, organisation.subsectorCodes)}</Fact>
        )}
        {organisation.materialCodes.length > 0 && (
          <Fact label={t('directory.organisations.profile.materials')}>{named(labels.materials, organisation.materialCodes)}</Fact>
        )}
        {organisation.products && (
          <Fact label={t('directory.organisations.profile.products')}>
            <TranslatedText value={organisation.products} sourceLocale={organisation.sourceLocale} />
          </Fact>
        )}
        {organisation.markets.length > 0 && (
          <Fact label={t('directory.organisations.profile.markets')}>
            {intl.formatList(
              organisation.markets.map((market) => t(`directory.market.${market}`)),
              { type: 'unit' },
            )}
          </Fact>
        )}
        {organisation.valueChainRoles.length > 0 && (
          <Fact label={t('directory.organisations.profile.valueChain')}>
            {intl.formatList(
              organisation.valueChainRoles.map((role) => t(`directory.valueChain.${role}`)),
              { type: 'unit' },
            )}
          </Fact>
        )}
        {organisation.workingLanguages.length > 0 && (
          <Fact label={t('directory.organisations.profile.languages')}>
            {intl.formatList(organisation.workingLanguages.map(languageName), { type: 'unit' })}
          </Fact>
        )}
        {organisation.certifications.length > 0 && (
          <Fact label={t('directory.organisations.profile.certifications')}>
            <bdi>{organisation.certifications.join(' · ')}</bdi>
          </Fact>
        )}
        {leadership.length > 0 && (
          <Fact label={t('directory.organisations.profile.leadership')}>{intl.formatList(leadership, { type: 'unit' })}</Fact>
        )}
        {hasStaff && (
          <Fact label={t('directory.organisations.profile.staff')}>
            <ul className="profile-staff">
              {organisation.staffTotal !== null && (
                <li>
                  {t('directory.organisations.profile.staff.total')}: {intl.formatNumber(organisation.staffTotal)}
                </li>
              )}
              {organisation.staffWomen !== null && (
                <li>
                  {t('directory.organisations.profile.staff.women')}: {intl.formatNumber(organisation.staffWomen)}
                </li>
              )}
              {organisation.staffMen !== null && (
                <li>
                  {t('directory.organisations.profile.staff.men')}: {intl.formatNumber(organisation.staffMen)}
                </li>
              )}
            </ul>
          </Fact>
        )}
      </dl>
    </section>
  );
}

function Contact({ organisation, signedIn, here }: { organisation: OrganisationProfile; signedIn: boolean; here: string }) {
  const t = useT();
  const locale = useLocale();
  const { contact } = organisation;
  return (
    <section aria-labelledby="profile-contact" className="profile-contact">
      <h2 id="profile-contact">{t('directory.organisations.profile.contact')}</h2>
      {contact ? (
        <dl className="profile-facts">
          {contact.email && (
            <Fact label={t('directory.organisations.profile.contact.email')}>
              <a href={`mailto:${contact.email}`} dir="ltr">
                {contact.email}
              </a>
            </Fact>
          )}
          {contact.phone && (
            <Fact label={t('directory.organisations.profile.contact.phone')}>
              <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                {contact.phone}
              </a>
            </Fact>
          )}
          {contact.address && (
            <Fact label={t('directory.organisations.profile.contact.address')}>
              <span dir="auto">{contact.address}</span>
            </Fact>
          )}
        </dl>
      ) : signedIn ? (
        <p>{t('directory.organisations.profile.contact.notShared')}</p>
      ) : (
        // Visitors are not told whether an organisation consented: the same note for every one.
        <p>
          <Link to={`/${locale}/account/sign-in?${new URLSearchParams({ redirectTo: here })}`}>
            {t('directory.organisations.profile.contact.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}

export interface OrganisationProfileViewProps {
  organisation: OrganisationProfile;
  labels: DirectoryLabels;
  canManage: boolean;
  signedIn: boolean;
}

export function OrganisationProfileView({ organisation, labels, canManage, signedIn }: OrganisationProfileViewProps) {
  const t = useT();
  const locale = useLocale();
  const name = textIn(organisation.name, locale, organisation.sourceLocale);
  const here = `/${locale}/organisations/${organisation.slug}`;
  return (
    <article className="org-profile" aria-labelledby="profile-name">
      <p className="org-profile__back">
        <Link to={`/${locale}/organisations`}>{t('directory.organisations.profile.back')}</Link>
      </p>
      <header className="org-profile__header">
        {organisation.logoUrl && (
          <img
            className="org-profile__logo"
            src={organisation.logoUrl}
            alt={t('directory.organisations.profile.logoAlt', { name })}
            width={96}
            height={96}
          />
        )}
        <div>
          <h1 id="profile-name">
            <TranslatedText value={organisation.name} sourceLocale={organisation.sourceLocale} />
          </h1>
          <p className="org-card__badges">
            <span className="badge">{t(`directory.type.${organisation.type}`)}</span>
            {organisation.womenLed && <span className="badge badge--women-led">{t('directory.womenLed')}</span>}
            {organisation.isDemo && <DemoBadge />}
          </p>
        </div>
      </header>
      {organisation.isDemo && <p className="notice">{t('directory.demo.explanation')}</p>}
      {organisation.status !== 'published' && (
        <p className="notice" role="status">
          {t('directory.organisations.profile.notPublished', { status: t(`directory.status.${organisation.status}`) })}
        </p>
      )}
      {canManage && (
        <nav className="org-profile__manage" aria-label={t('directory.organisations.profile.manage')}>
          <Link className="button" to={`${here}/edit`}>
            {t('directory.organisations.profile.edit')}
          </Link>
          <Link className="button" to={`${here}/history`}>
            {t('directory.organisations.profile.history')}
          </Link>
        </nav>
      )}
      {organisation.description && (
        <section aria-labelledby="profile-about">
          <h2 id="profile-about">{t('directory.organisations.profile.about')}</h2>
          <TranslatedText
            as="p"
            className="org-profile__description"
            value={organisation.description}
            sourceLocale={organisation.sourceLocale}
          />
        </section>
      )}
      <Facts organisation={organisation} labels={labels} />
      {organisation.clusters.length > 0 && (
        <section aria-labelledby="profile-clusters">
          <h2 id="profile-clusters">{t('directory.organisations.profile.clusters')}</h2>
          <ul className="profile-list">
            {organisation.clusters.map((cluster) => (
              <li key={cluster.slug}>
                <Link to={`/${locale}/clusters/${cluster.slug}`}>
                  <TranslatedText value={cluster.name} />
                </Link>{' '}
                <span className="org-profile__role">({t(`directory.membershipRole.${cluster.role}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link className="button" to={`${here}/twins`}>
          {t('directory.organisations.profile.twins')}
        </Link>
      </p>
      {organisation.links.length > 0 && (
        <section aria-labelledby="profile-links">
          <h2 id="profile-links">{t('directory.organisations.profile.links')}</h2>
          <ul className="profile-list">
            {organisation.links.map((link) => (
              <li key={link.url}>
                {t(`directory.organisations.link.${link.kind}`)}:{' '}
                <a href={link.url} rel="nofollow noopener noreferrer" dir="ltr">
                  {link.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {organisation.photoUrls.length > 0 && (
        <section aria-labelledby="profile-photos">
          <h2 id="profile-photos">{t('directory.organisations.profile.photos')}</h2>
          <ul className="profile-photos">
            {organisation.photoUrls.map((url, index) => (
              <li key={url}>
                <img src={url} alt={t('directory.organisations.profile.photoAlt', { number: index + 1, name })} loading="lazy" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Contact organisation={organisation} signedIn={signedIn} here={here} />
    </article>
  );
}
