/**
 * /{locale}/surveys: the surveys the signed-in person was invited to (their directory entry was
 * written to), each opening the same answering pages as the mailed link, through their account.
 */
import { Link } from 'react-router';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { listMySurveyInvitations } from '#app/modules/needs/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/surveys-mine';
import { surveyIntroPath } from './surveys-answering.ts';
import { localeOf } from './surveys-ui.tsx';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'needs.invitations.mine.title'), pageMessage(matches, 'needs.invitations.mine.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = requireAccountPage(context.get(requestContext).actor, localeOf(params), request);
  return { invitations: await listMySurveyInvitations(actor) };
}

export default function MySurveysPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { invitations } = loaderData;
  return (
    <article aria-labelledby="my-surveys-title">
      <h1 id="my-surveys-title">{t('needs.invitations.mine.title')}</h1>
      <p>{t('needs.invitations.mine.lead')}</p>
      {invitations.length === 0 ? (
        <p>{t('needs.invitations.mine.empty')}</p>
      ) : (
        <ul className="my-surveys">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <TranslatedText value={invitation.formTitle} /> <span>({t(`needs.invitations.state.${invitation.state}`)})</span>{' '}
              <Link to={surveyIntroPath(locale, invitation.id)}>{t('needs.invitations.mine.open')}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
