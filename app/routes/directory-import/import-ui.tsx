/** Pieces the import pages share: a run's status, field names and the reason of a reported row. */
import type { ImportIssue, ImportRunStatus } from '#app/modules/directory/index.ts';
import { getCatalog } from '#app/shared/i18n/catalog-store.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';

type Translate = ReturnType<typeof useT>;

export function RunStatus({ status, dryRun }: { status: ImportRunStatus; dryRun: boolean }) {
  const t = useT();
  return (
    <>
      {t(`directory.import.status.${status}`)}
      {dryRun && status !== 'draft' && <span className="badge">{t('directory.import.dryRunBadge')}</span>}
    </>
  );
}

/** `name.fr` -> "Name (French)"; `links.0.url` -> "Web and social links"; an unknown field keeps its code. */
export function fieldLabel(t: Translate, locale: Locale, field: string | null): string {
  if (!field || field === '(root)') return '';
  const parts = field.split('.');
  const language = parts.length === 2 && isLocale(parts[1]) ? parts[1] : null;
  const key = language ? parts[0]! : parts[0] === 'link' ? field : parts[0]!;
  const id = `directory.import.field.${key}`;
  if (!(id in (getCatalog(locale) ?? {}))) return field;
  const label = t(id);
  return language ? t('directory.import.field.inLanguage', { field: label, language: t(`admin.language.${language}`) }) : label;
}

/** The translated reason of a reported row: an error code, or a field problem (`field.required`). */
export function issueReason(t: Translate, issue: Pick<ImportIssue, 'code'>): string {
  return t(`errors.${issue.code}`);
}
