/**
 * Reading the invitation page's add forms (the same fields for the GET preview, the JSON preview
 * and the POST add) into the service's input. Pure.
 */
import type { AddInvitationsInput } from '#app/modules/events/index.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';

export const ADD_SOURCES = ['view', 'cluster', 'twins', 'organisation'] as const;
export type AddSource = (typeof ADD_SOURCES)[number];

export function addInputOf(event: string, values: URLSearchParams | FormData, fallback: Locale, dryRun: boolean): AddInvitationsInput {
  const text = (name: string) => String(values.get(name) ?? '').trim();
  const source = (ADD_SOURCES as readonly string[]).includes(text('source')) ? (text('source') as AddSource) : 'view';
  const locale = text('locale');
  return {
    event,
    source,
    locale: isLocale(locale) ? locale : fallback,
    dryRun,
    ...(source === 'view' ? { query: text('query') } : {}),
    ...(source === 'cluster' && text('cluster') ? { cluster: text('cluster') } : {}),
    ...(source === 'twins'
      ? { twinsOf: text('twinsOf') === 'organisation' ? 'organisation' : 'cluster', slug: text('slug') || undefined }
      : {}),
    ...(source === 'organisation' ? { organisationIds: values.getAll('organisationId').map(String).filter(Boolean) } : {}),
  } as AddInvitationsInput;
}

/** The query string a preview is fetched with (every field of the form, the intent left out). */
export function previewQuery(values: FormData): string {
  const params = new URLSearchParams();
  for (const [key, value] of values.entries()) if (typeof value === 'string' && key !== 'intent') params.append(key, value);
  return params.toString();
}
