/** Pieces every answering page shows: its title, the assisted-entry notice, the error page. */
import { createIntl, useIntl } from 'react-intl';
import { isRouteErrorResponse } from 'react-router';
import type { FormText } from '#app/modules/forms/index.ts';
import { isLocale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage, errorTitleKey } from '#app/shared/ui/error-page.tsx';
import { pageTitle, rootMessages } from '#app/shared/ui/meta.ts';

type Matches = Parameters<typeof rootMessages>[0];

/**
 * The document title "<what this page is> · <form title> · Mosaic" in the page's language; an
 * error page's own title when the loader refused.
 */
export function answerPageMeta(
  matches: Matches,
  params: { lang?: string },
  data: { formTitle: FormText } | undefined,
  key: string,
  values: Record<string, string | number> = {},
  error?: unknown,
) {
  const messages = rootMessages(matches);
  if (error || !data) return pageTitle(messages, errorTitleKey(isRouteErrorResponse(error) ? error.status : 500));
  const locale = isLocale(params.lang) ? params.lang : 'en';
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const what = messages ? String(createIntl({ locale, messages, onError: () => {} }).formatMessage({ id: key }, values)) : '';
  const form = textIn(data.formTitle, locale);
  return [{ title: [what, form, brand].filter(Boolean).join(' · ') }, { property: 'og:title', content: form || brand }];
}

/** "You are entering answers for <name>": staff answering for someone see it on every page. */
export function AssistedNotice({ respondent }: { respondent: { name: string } | null }) {
  const intl = useIntl();
  if (!respondent) return null;
  return (
    <p className="notice answer-assisted">
      {intl.formatMessage({ id: 'forms.answer.assisted' }, { name: <bdi key="name">{respondent.name}</bdi> })}
    </p>
  );
}

/** Translated 401/403/404/500 pages for the answering routes; never a raw message. */
export function AnswerErrorBoundary({ error }: { error: unknown }) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}
