/**
 * The challenge themes page's plain forms read into service inputs: names and descriptions typed
 * in Arabic, French and English side by side (`name.ar`, `name.fr`, `name.en`, same for
 * `description`), the code of a new theme made from its English name, and refusals turned into
 * message keys by field. Pure, unit-tested.
 */
import type { CreateThemeInput, UpdateThemeInput } from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';

type Texts = Partial<Record<Locale, string>>;

/** The non-empty texts of `name.ar`, `name.fr`, `name.en` (trimmed); null when all are empty. */
export function textsOf(form: FormData, field: 'name' | 'description'): Texts | null {
  const texts: Texts = {};
  for (const locale of LOCALES) {
    const value = String(form.get(`${field}.${locale}`) ?? '').trim();
    if (value) texts[locale] = value;
  }
  return Object.keys(texts).length > 0 ? texts : null;
}

/**
 * A theme's code from its English name: lower-case ASCII words joined by `-` (accents dropped,
 * `&` read as "and"), at most 64 characters; '' when there is no usable English name.
 */
export function themeCodeFromName(english: string | undefined): string {
  return (english ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export function createInputOf(form: FormData): CreateThemeInput {
  const name = textsOf(form, 'name') ?? {};
  return { code: themeCodeFromName(name.en), name, description: textsOf(form, 'description') };
}

export function updateInputOf(form: FormData): UpdateThemeInput {
  return { name: textsOf(form, 'name') ?? {}, description: textsOf(form, 'description') };
}

/** Field codes with a message under `errors.field.`; others read as "invalid". */
const FIELD_CODES = new Set(['invalid_format', 'invalid_type', 'invalid_value', 'required', 'too_big', 'too_small']);

export interface ThemeFormFailure {
  /** Message keys by field (`name.en`, `name` for the whole group, `description.fr`, `code`). */
  fieldErrors: Record<string, string>;
  formError: string;
}

/**
 * A refusal the form can show, or null for the caller to rethrow (signed out, forbidden, missing,
 * ours). A code refused as a format means the English name gave no usable code: said on `name.en`.
 */
export function themeFailureOf(error: unknown): ThemeFormFailure | null {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) {
    // The code comes from the English name: its refusals are said there.
    const field = issue.field === 'code' ? 'name.en' : issue.field;
    let key = 'errors.field.invalid';
    if (issue.code.startsWith('NEEDS_')) key = `errors.${issue.code}`;
    else if (issue.field === 'code') key = 'needs.themes.error.englishName';
    else if (issue.code === 'custom') key = 'needs.themes.error.oneLanguage';
    else if (FIELD_CODES.has(issue.code)) key = `errors.field.${issue.code}`;
    fieldErrors[field] ??= key;
  }
  return { fieldErrors, formError: `errors.${error.code}` };
}
