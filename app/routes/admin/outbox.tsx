/**
 * /{locale}/admin/outbox: mail kept when no SMTP server is configured, newest first, each with
 * its recipient, subject, date and full text with clickable links. Platform admins only.
 */
import { Link } from 'react-router';
import { directionOf, isLocale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { listOutboxMail } from '#app/shared/mail/index.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/outbox';
import { asErrorResponse, requireAdminPage, searchParamsOf } from './admin.server.ts';
import { DateTime, LanguageName, LinkedText, Pagination } from './admin-ui.tsx';

export const meta = titled('admin.outbox.title', 'admin.outbox.lead');

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'mail.outbox.read');
  return listOutboxMail(actor, searchParamsOf(args.request)).catch(asErrorResponse);
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { mails, page, hasNext } = loaderData;
  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p className="lead">{t('admin.outbox.lead')}</p>
      {mails.length === 0 ? (
        <p>{t('admin.outbox.empty')}</p>
      ) : (
        <ol className="outbox-list">
          {mails.map((mail) => {
            const mailLocale = isLocale(mail.locale) ? mail.locale : locale;
            return (
              <li key={mail.id}>
                <article className="card outbox-mail" aria-labelledby={`mail-${mail.id}`}>
                  <h2 id={`mail-${mail.id}`} className="outbox-mail__subject">
                    <Link to={`/${locale}/admin/outbox/${mail.id}`} lang={mailLocale} dir="auto">
                      {mail.subject}
                    </Link>
                    {!mail.readAt && <span className="badge">{t('admin.outbox.unread')}</span>}
                  </h2>
                  <dl className="meta-list">
                    <div>
                      <dt>{t('admin.outbox.to')}</dt>
                      <dd>
                        <bdi dir="ltr">{mail.to}</bdi>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('admin.outbox.date')}</dt>
                      <dd>
                        <DateTime value={mail.createdAt} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('admin.outbox.language')}</dt>
                      <dd>
                        <LanguageName locale={mail.locale} />
                      </dd>
                    </div>
                  </dl>
                  <LinkedText text={mail.text} locale={mailLocale} dir={directionOf(mailLocale)} />
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} hasNext={hasNext} />
    </>
  );
}
