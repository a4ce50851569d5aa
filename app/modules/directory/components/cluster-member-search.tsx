/**
 * Finding an organisation to add to a cluster: a GET form (`?find=`) and the published
 * organisations it matches, each with where it is, whether it already is a member, and a POST
 * form to add it with a role. Plain forms, so it works without JavaScript.
 */
import { Form, Link, useNavigation } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { MemberCandidates } from '../clusters.query.server.ts';
import type { MembershipRole } from '../directory.vocabulary.ts';

export const FIND_MAX_LENGTH = 200;

interface Props {
  /** The search text as typed (empty before a search). */
  find: string;
  candidates: MemberCandidates | null;
  countries: Record<string, TranslatableValue>;
  roles: readonly MembershipRole[];
  /** The error of the last add, as a message key. */
  addError?: string;
}

export function ClusterMemberSearch({ find, candidates, countries, roles, addError }: Props) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <section aria-labelledby="members-add-title" className="member-search">
      <h2 id="members-add-title">{t('directory.clusters.members.add')}</h2>
      {addError && (
        <p className="form-error" role="alert">
          {t(addError)}
        </p>
      )}
      <Form method="get" className="form member-search__form" role="search" aria-labelledby="members-add-title">
        <div className="field">
          <label htmlFor="member-find">{t('directory.clusters.members.find')}</label>
          <input
            id="member-find"
            name="find"
            type="search"
            dir="auto"
            autoComplete="off"
            maxLength={FIND_MAX_LENGTH}
            defaultValue={find}
            aria-describedby="member-find-hint"
          />
          <p id="member-find-hint" className="field__hint">
            {t('directory.clusters.members.findHint')}
          </p>
        </div>
        <p>
          <button type="submit" className="button">
            {t('directory.clusters.members.findSubmit')}
          </button>
        </p>
      </Form>

      {candidates && (
        <>
          <h3 id="member-results-title" aria-live="polite">
            {t('directory.clusters.members.results', { count: candidates.total, query: <bdi key="query">{find}</bdi> })}
          </h3>
          {candidates.total > candidates.items.length && (
            <p className="field__hint">{t('directory.clusters.members.resultsMore', { shown: candidates.items.length })}</p>
          )}
          <ul className="member-results" aria-labelledby="member-results-title">
            {candidates.items.map(({ organisation, role }) => {
              const name = textIn(organisation.name, locale, organisation.sourceLocale, organisation.slug);
              const country = textIn(countries[organisation.countryIso2], locale, null, organisation.countryIso2);
              const city = organisation.city ? textIn(organisation.city, locale, organisation.sourceLocale) : '';
              const roleId = `candidate-role-${organisation.slug}`;
              return (
                <li key={organisation.slug} className="card member-result">
                  <p className="member-result__name" id={`candidate-name-${organisation.slug}`}>
                    <Link to={`/${locale}/organisations/${organisation.slug}`}>
                      <TranslatedText value={organisation.name} sourceLocale={organisation.sourceLocale} />
                    </Link>
                  </p>
                  <p className="cluster-card__meta">
                    {city && (
                      <>
                        <bdi>{city}</bdi>
                        {', '}
                      </>
                    )}
                    {country}
                    {' · '}
                    {t(`directory.type.${organisation.type}`)}
                  </p>
                  {role ? (
                    <p className="member-result__member">
                      {t('directory.clusters.members.alreadyMember', { role: t(`directory.membershipRole.${role}`) })}
                    </p>
                  ) : (
                    <Form method="post" className="member-result__add">
                      <input type="hidden" name="intent" value="add" />
                      <input type="hidden" name="organisation" value={organisation.slug} />
                      <input type="hidden" name="find" value={find} />
                      <label htmlFor={roleId}>{t('directory.clusters.members.addAs')}</label>
                      <select id={roleId} name="role" defaultValue="member" aria-describedby={`candidate-name-${organisation.slug}`}>
                        {roles.map((option) => (
                          <option key={option} value={option}>
                            {t(`directory.membershipRole.${option}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--primary" disabled={busy}>
                        {t('directory.clusters.members.addSubmit')}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{name}</bdi>
                        </span>
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
