/**
 * Pure helpers of the answering pages: their addresses (assisted entry keeps `?for=<user id>`
 * from page to page), the files a page keeps when it is sent again without a new one, and how a
 * stored answer reads on the review page.
 */
import type { AnswerValue, FileAnswer, FormQuestion, UploadedFileMeta } from '#app/modules/forms/index.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';

/** The responseId segment of a response not stored yet: it is created when its first page is sent. */
export const NEW_RESPONSE = 'new';

function forQuery(forUser: string | null | undefined): string {
  return forUser ? `?for=${encodeURIComponent(forUser)}` : '';
}

export function introPath(locale: Locale, formCode: string, forUser?: string | null): string {
  return `/${locale}/forms/${formCode}${forQuery(forUser)}`;
}

export function pagePath(locale: Locale, formCode: string, responseId: string, page: string, forUser?: string | null): string {
  return `/${locale}/forms/${formCode}/respond/${responseId}/${page}${forQuery(forUser)}`;
}

export function reviewPath(locale: Locale, formCode: string, responseId: string): string {
  return `/${locale}/forms/${formCode}/review/${responseId}`;
}

export function thanksPath(locale: Locale, formCode: string, responseId: string): string {
  return `/${locale}/forms/${formCode}/thanks/${responseId}`;
}

/** The field of the box that removes a file already given (`report.remove`): a part no file question reads, so the engine ignores it. */
export function removeFileField(questionCode: string): string {
  return `${questionCode}.remove`;
}

type Entry = readonly [string, string | UploadedFileMeta];

function isEmptyUpload(value: string | UploadedFileMeta | undefined): boolean {
  return value === undefined || value === '' || (typeof value === 'object' && value.name === '' && value.size === 0);
}

/**
 * The fields to save for a page: what the browser sent, where a file question sent no new file
 * (a browser never re-fills a file input) and the person did not tick "remove", the file already
 * given is kept.
 */
export function fieldsKeepingFiles(
  entries: readonly Entry[],
  questions: readonly FormQuestion[],
  storedFiles: Record<string, FileAnswer | undefined>,
): Entry[] {
  const kept: Entry[] = entries.filter(([name, value]) => {
    const question = questions.find((q) => q.code === name);
    return !(question?.type === 'file' && isEmptyUpload(value));
  });
  for (const question of questions) {
    if (question.type !== 'file') continue;
    const sent = entries.some(([name, value]) => name === question.code && !isEmptyUpload(value));
    const removed = entries.some(([name]) => name === removeFileField(question.code));
    const stored = storedFiles[question.code];
    if (!sent && !removed && stored) kept.push([question.code, { name: stored.name, type: stored.mediaType, size: stored.size }]);
  }
  return kept;
}

/** A stored answer as the review page shows it: lines of text in the reader's language (none when unanswered). */
export function answerLines(question: FormQuestion, value: AnswerValue | undefined, locale: Locale): string[] {
  if (value === undefined) return [];
  const number = new Intl.NumberFormat(locale);
  const optionLabel = (options: readonly { code: string; label: Parameters<typeof textIn>[0] }[], code: string) =>
    textIn(options.find((option) => option.code === code)?.label, locale, null, code);
  const choice = (item: unknown): string => {
    if (typeof item === 'string' && (question.type === 'single-choice' || question.type === 'multiple-choice'))
      return optionLabel(question.options, item);
    if (typeof item === 'object' && item !== null && 'other' in item) return String(item.other);
    return String(item);
  };
  switch (question.type) {
    case 'short-text':
    case 'long-text':
      return [String(value)];
    case 'number':
    case 'scale':
      return [typeof value === 'number' ? number.format(value) : String(value)];
    case 'date':
      return [
        typeof value === 'string'
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`))
          : String(value),
      ];
    case 'single-choice':
      return [choice(value)];
    case 'multiple-choice':
      return Array.isArray(value) ? value.map(choice) : [];
    case 'ranking':
      return Array.isArray(value)
        ? value.map((code, index) => `${number.format(index + 1)}. ${optionLabel(question.options, String(code))}`)
        : [];
    case 'matrix':
      return question.rows
        .filter((row) => typeof value === 'object' && value !== null && Object.hasOwn(value, row.code))
        .map((row) => {
          const column = (value as Record<string, string>)[row.code] ?? '';
          return `${textIn(row.label, locale, null, row.code)}: ${optionLabel(question.columns, column)}`;
        });
    case 'file':
      return [(value as FileAnswer).name];
  }
}
