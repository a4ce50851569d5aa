/**
 * /{locale}/forms/manage/{code}/responses/{id}: one response for the form's managers, read with
 * the questions of the version it was given against (a question reworded or removed since reads
 * as it was), in the page's language, laid out like a row of the export.
 */
import { FormattedDate, FormattedNumber } from 'react-intl';
import { Link } from 'react-router';
import { columnsOf, exportRow, getManagedResponse } from '#app/modules/forms/index.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/detail';
import { asErrorResponse, managerPage } from './responses.server.ts';
import './forms-responses.css';

export const meta = titled('forms.responses.detail.title');
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = managerPage(args);
  const { form, response, answers, version } = await getManagedResponse(actor, args.params.code, args.params.id).catch(asErrorResponse);
  const cells = exportRow(version.definition, answers, locale);
  return {
    form: { code: form.code, title: form.title },
    response,
    // Labels are in the page's language, from this response's own version.
    answers: columnsOf(version.definition, locale).map((column) => ({
      key: column.key,
      label: column.label,
      // Ticked boxes of a multiple choice are 1/0 in the export: said in words here.
      ticked: column.type === 'multiple-choice' && column.part !== '_other',
      value: cells[column.key] ?? null,
    })),
  };
}

export default function FormResponsePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { form, response, answers } = loaderData;
  const list = `/${locale}/forms/manage/${form.code}/responses`;
  const name = response.respondent?.name ?? t('forms.responses.unknownPerson');
  const shown = (answer: (typeof answers)[number]) => {
    if (answer.value === null) return <span className="responses-answer__none">{t('forms.responses.detail.unanswered')}</span>;
    if (answer.ticked) return t(answer.value === 1 ? 'forms.responses.detail.chosen' : 'forms.responses.detail.notChosen');
    if (typeof answer.value === 'number') return <FormattedNumber value={answer.value} />;
    return <span dir="auto">{answer.value}</span>;
  };

  return (
    <div className="responses-page">
      <p className="responses-page__up">
        <Link to={list}>{t('forms.responses.detail.back')}</Link> · <bdi dir="auto">{textIn(form.title, locale, null, form.code)}</bdi>
      </p>
      <h1>{t('forms.responses.detail.heading', { name: <bdi key="name">{name}</bdi> })}</h1>
      <p>{t('forms.responses.detail.version', { version: response.version })}</p>
      <p>
        {t('forms.responses.detail.status', { status: t(`forms.responses.status.${response.status}`) })} ·{' '}
        {t('forms.responses.table.started')} <FormattedDate value={response.createdAt} dateStyle="medium" />
        {response.submittedAt && (
          <>
            {' · '}
            {t('forms.responses.table.submitted')} <FormattedDate value={response.submittedAt} dateStyle="medium" />
          </>
        )}
      </p>
      {response.enteredBy && (
        <p>
          {t('forms.responses.enteredBy', { name: <bdi key="by">{response.enteredBy.name ?? t('forms.responses.unknownPerson')}</bdi> })}
        </p>
      )}
      <h2>{t('forms.responses.detail.answers')}</h2>
      <dl className="responses-answers">
        {answers.map((answer) => (
          <div key={answer.key} className="responses-answer">
            <dt dir="auto">{answer.label}</dt>
            <dd>{shown(answer)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
