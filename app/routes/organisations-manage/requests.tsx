/**
 * /{locale}/admin/directory/requests: what programme staff decide: organisations proposed by
 * members and claims to manage an existing one, oldest first, each approved or rejected with one
 * button. The person concerned is told by mail; approving makes them the organisation's admin.
 */
import { FormattedDate } from 'react-intl';
import { Form, Link } from 'react-router';
import { decideClaim, decideProposal, listPendingRequests } from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { asErrorResponse, requireAdminPage } from '../admin/admin.server.ts';
import type { Route } from './+types/requests';
import '#app/styles/organisations-manage.css';

export const meta = titled('directory.manage.requests.title', 'directory.manage.requests.lead');

export async function loader(args: Route.LoaderArgs) {
  // Country staff decide their country's requests: the service narrows the list and checks each decision.
  const { actor } = await requireAdminPage(args, 'admin.access');
  return listPendingRequests(actor).catch(asErrorResponse);
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = await requireAdminPage(args, 'admin.access');
  const form = await args.request.formData();
  const decision = form.get('decision') === 'approve' ? 'approve' : 'reject';
  const id = String(form.get('id') ?? '');
  const here = `/${locale}/admin/directory/requests`;
  try {
    if (form.get('kind') === 'claim') await decideClaim(actor, id, decision);
    else await decideProposal(actor, id, decision);
  } catch (error) {
    if (isAppError(error) && error.status === 409) return redirectWithFlash(here, { key: `errors.${error.code}`, kind: 'error' });
    asErrorResponse(error);
  }
  return redirectWithFlash(here, { key: `directory.manage.flash.${decision === 'approve' ? 'approved' : 'rejected'}`, kind: 'success' });
}

function Requester({ person, messageKey }: { person: { name: string; email: string } | null; messageKey: string }) {
  const t = useT();
  if (!person) return <>{t('directory.manage.requests.accountGone')}</>;
  return (
    <>
      {t(messageKey, {
        name: <bdi key="name">{person.name}</bdi>,
        email: (
          <a key="email" href={`mailto:${person.email}`} dir="ltr">
            {person.email}
          </a>
        ),
      })}
    </>
  );
}

function DecisionButtons({ kind, id, label }: { kind: 'proposal' | 'claim'; id: string; label: string }) {
  const t = useT();
  return (
    <div className="manage-actions">
      {(['approve', 'reject'] as const).map((decision) => (
        <Form key={decision} method="post">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="decision" value={decision} />
          <button
            type="submit"
            className={decision === 'approve' ? 'button button--primary' : 'button button--danger'}
            aria-label={t(`directory.manage.requests.${decision}Label`, { name: label })}
          >
            {t(`directory.manage.requests.${decision}`)}
          </button>
        </Form>
      ))}
    </div>
  );
}

export default function RequestsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { proposals, claims } = loaderData;
  const plain = (name: Partial<Record<string, string>>) => name[locale] ?? name.en ?? name.fr ?? name.ar ?? '';
  return (
    <>
      <h1>{t('directory.manage.requests.title')}</h1>
      <p className="lead">{t('directory.manage.requests.lead')}</p>

      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t('directory.manage.requests.proposals', { count: proposals.length })}</h2>
        {proposals.length === 0 ? (
          <p>{t('directory.manage.requests.noProposals')}</p>
        ) : (
          <ul className="manage-requests">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="card">
                <h3>
                  <Link to={`/${locale}/organisations/${proposal.slug}/edit`}>
                    <TranslatedText value={proposal.name} sourceLocale={proposal.sourceLocale} />
                  </Link>
                </h3>
                <p>
                  {t(`directory.type.${proposal.type}`)} · <span translate="no">{proposal.countryIso2}</span> ·{' '}
                  <FormattedDate value={proposal.createdAt} dateStyle="medium" />
                </p>
                <p>
                  <Requester person={proposal.proposer} messageKey="directory.manage.requests.proposedBy" />
                </p>
                <DecisionButtons kind="proposal" id={proposal.slug} label={plain(proposal.name)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="claims-title">
        <h2 id="claims-title">{t('directory.manage.requests.claims', { count: claims.length })}</h2>
        {claims.length === 0 ? (
          <p>{t('directory.manage.requests.noClaims')}</p>
        ) : (
          <ul className="manage-requests">
            {claims.map((claim) => (
              <li key={claim.id} className="card">
                <h3>
                  <Link to={`/${locale}/organisations/${claim.organisation.slug}`}>
                    <TranslatedText value={claim.organisation.name} sourceLocale={claim.organisation.sourceLocale} />
                  </Link>
                </h3>
                <p>
                  <Requester person={claim.claimant} messageKey="directory.manage.requests.claimedBy" /> ·{' '}
                  <FormattedDate value={claim.createdAt} dateStyle="medium" />
                </p>
                {claim.message && (
                  <blockquote dir="auto" className="manage-requests__message">
                    {claim.message}
                  </blockquote>
                )}
                <DecisionButtons kind="claim" id={claim.id} label={plain(claim.organisation.name)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
