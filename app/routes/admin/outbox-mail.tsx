/** /{locale}/admin/outbox/:id: one kept mail, its headers, text (links clickable) and HTML source. */
import { Link } from 'react-router';
import { directionOf, isLocale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { readOutboxMail } from '#app/shared/mail/index.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/outbox-mail';
import { asErrorResponse, requireAdminPage } from './admin.server.ts';
import { DateTime, LanguageName, LinkedText } from './admin-ui.tsx';

export const meta = titled('admin.outbox.mailTitle');

export async function loader(args: Route.LoaderArgs) {
  const { actor } = await requireAdminPage(args, 'mail.outbox.read');
  return readOutboxMail(actor, { id: args.params.id }).catch(asErrorResponse);
}

export default function OutboxMail({ loaderData: mail }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const mailLocale = isLocale(mail.locale) ? mail.locale : locale;
  return (
    <article className="outbox-detail" aria-labelledby="mail-subject">
      <p>
        <Link to={`/${locale}/admin/outbox`}>{t('admin.outbox.back')}</Link>
      </p>
      <p className="outbox-detail__kicker">{t('admin.outbox.mailTitle')}</p>
      <h1 id="mail-subject" lang={mailLocale} dir="auto">
        {mail.subject}
      </h1>
      <dl className="meta-list">
        <div>
          <dt>{t('admin.outbox.from')}</dt>
          <dd>
            <bdi dir="ltr">{mail.from}</bdi>
          </dd>
        </div>
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
        <div>
          <dt>{t('admin.outbox.template')}</dt>
          <dd>
            <code>{mail.template}</code>
          </dd>
        </div>
        {mail.readAt && (
          <div>
            <dt>{t('admin.outbox.firstRead')}</dt>
            <dd>
              <DateTime value={mail.readAt} />
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text">{t('admin.outbox.text')}</h2>
        <div className="card">
          <LinkedText text={mail.text} locale={mailLocale} dir={directionOf(mailLocale)} />
        </div>
      </section>
      <section aria-labelledby="mail-html">
        <h2 id="mail-html">{t('admin.outbox.html')}</h2>
        <details>
          <summary>{t('admin.outbox.showHtml')}</summary>
          <pre className="source" dir="ltr" translate="no">
            <code>{mail.html}</code>
          </pre>
        </details>
      </section>
    </article>
  );
}
