/**
 * /{locale}/organisations/:slug/history: every change to the organisation (its profile, people and
 * their accounts, images, claims and decisions): who, as whom, when and which fields; a change to a
 * person still in the organisation names them. For those who manage it.
 */
import { ManageNav } from '#app/modules/directory/components/manage-nav.tsx';
import { organisationHistory } from '#app/modules/directory/index.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { HistoryList } from '#app/shared/ui/history-list.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/history';
import { asErrorResponse, noStore, requireSignedIn } from './manage.server.ts';
import '#app/styles/organisations-manage.css';

/** Actions this page names; others (written by later features) read as a recorded change. */
const NAMED_ACTIONS = new Set([
  'organisation.create',
  'organisation.propose',
  'organisation.update',
  'organisation.approve',
  'organisation.reject',
  'organisation.claim',
  'organisation.images',
  'claim.approve',
  'claim.reject',
  'person.add',
  'person.update',
  'person.remove',
  'person.link',
  'person.unlink',
]);

function actionKey(action: string): string {
  const name = action.replace(/^directory\./, '');
  return NAMED_ACTIONS.has(name) ? name.replace('.', '-') : 'other';
}

/** Fields this page names (the organisation's and its people's); any other shows its code. */
const NAMED_FIELDS = new Set(
  'name description sourceLocale type sizeClass foundedYear countryIso2 city latitude longitude subsectorCodes materialCodes products markets valueChainRoles workingLanguages certifications staffTotal staffWomen staffMen womenLed womenOwned youthLed address email phone contactConsent links logo photos status slug fullName jobTitle gender listedConsent'.split(
    ' ',
  ),
);

export const meta = titled('directory.manage.history.title', 'directory.manage.history.lead');
export const headers = noStore;

export async function loader(args: Route.LoaderArgs) {
  const { actor } = requireSignedIn(args);
  const page = Number(new URL(args.request.url).searchParams.get('page') ?? '1');
  const { organisation, history } = await organisationHistory(actor, args.params.slug, page).catch(asErrorResponse);
  return { slug: organisation.slug, name: organisation.name, sourceLocale: organisation.sourceLocale, history };
}

export default function OrganisationHistoryPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { slug, name, sourceLocale, history } = loaderData;
  return (
    <div className="manage-page">
      <p className="manage-page__context">
        <TranslatedText value={name} sourceLocale={sourceLocale} />
      </p>
      <h1>{t('directory.manage.history.title')}</h1>
      <ManageNav slug={slug} current="history" />
      <p className="lead">{t('directory.manage.history.lead')}</p>
      <HistoryList
        entries={history.entries}
        page={history.page}
        hasNext={history.hasNext}
        pageHref={(page) => `?page=${page}`}
        actionLabel={(action) => t(`directory.manage.action.${actionKey(action)}`)}
        detail={({ personName }) =>
          personName && (
            <p className="history-list__detail">{t('directory.manage.history.person', { name: <bdi key="name">{personName}</bdi> })}</p>
          )
        }
        fieldLabel={(field) => (NAMED_FIELDS.has(field) ? t(`directory.manage.field.${field}`) : field)}
      />
    </div>
  );
}
