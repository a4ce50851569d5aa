/**
 * The diagnostic editor's plain forms read into service inputs, and refusals turned into message
 * keys by field. One language per form: the texts of a challenge (or a SWOT item) are written in
 * the language chosen beside them, which becomes their source language. Pure, unit-tested.
 */
import type { BaselineInput, ChallengeInput, EndorseInput, SwotItemInput } from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optionalText = (form: FormData, name: string) => text(form, name) || undefined;

/** A number as typed: spaces dropped, a decimal comma accepted; empty is undefined, junk is NaN (refused by the contract). */
export function numberOf(value: string): number | undefined {
  const cleaned = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function languageOf(form: FormData, fallback: Locale): Locale {
  const value = text(form, 'language');
  return isLocale(value) ? value : fallback;
}

/** `{ [language]: text }`, or undefined when the field is empty. */
function inLanguage(value: string | undefined, language: Locale) {
  return value ? { [language]: value } : undefined;
}

export function challengeInputOf(form: FormData, pageLocale: Locale): ChallengeInput {
  const language = languageOf(form, pageLocale);
  return {
    themeCode: text(form, 'themeCode'),
    description: inLanguage(optionalText(form, 'description'), language) ?? {},
    sourceLocale: language,
    severity: numberOf(text(form, 'severity')) as number,
    affectedGroups: form.getAll('affectedGroups').map(String) as ChallengeInput['affectedGroups'],
    genderDimension: (optionalText(form, 'genderDimension') ?? 'none') as ChallengeInput['genderDimension'],
    genderNote: inLanguage(optionalText(form, 'genderNote'), language) ?? null,
    evidence: inLanguage(optionalText(form, 'evidence'), language) ?? null,
    evidenceUrl: optionalText(form, 'evidenceUrl') ?? null,
  };
}

export function swotInputOf(form: FormData, pageLocale: Locale): SwotItemInput {
  const language = languageOf(form, pageLocale);
  return {
    kind: text(form, 'kind') as SwotItemInput['kind'],
    text: inLanguage(optionalText(form, 'text'), language) ?? {},
    sourceLocale: language,
  };
}

export function baselineInputOf(form: FormData): BaselineInput {
  return {
    indicatorCode: text(form, 'indicatorCode') as BaselineInput['indicatorCode'],
    value: numberOf(text(form, 'value')) as number,
    unit: text(form, 'unit'),
    year: numberOf(text(form, 'year')) as number,
    source: optionalText(form, 'source') ?? null,
  };
}

export function endorseInputOf(form: FormData): EndorseInput {
  return { name: text(form, 'name'), role: text(form, 'role') };
}

/** Field codes with a message under `errors.field.`; others read as "invalid". */
const FIELD_CODES = new Set(['invalid_format', 'invalid_type', 'invalid_value', 'required', 'too_big', 'too_small']);

export interface FormFailure {
  /** Message keys by field name. */
  fieldErrors: Record<string, string>;
  formError: string;
}

/**
 * A refusal the form can show: bad values by field (`description.fr` is the `description` field),
 * module errors as their own message. Anything else (signed out, forbidden, missing, ours) is
 * returned as null for the caller to rethrow.
 */
export function formFailureOf(error: unknown): FormFailure | null {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 404) return null;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) {
    const field = issue.field.split('.')[0] ?? issue.field;
    let key = 'errors.field.invalid';
    if (issue.code.startsWith('NEEDS_')) key = `errors.${issue.code}`;
    else if (issue.code === 'custom') key = 'errors.field.required';
    else if (FIELD_CODES.has(issue.code)) key = `errors.field.${issue.code}`;
    fieldErrors[field] ??= key;
  }
  return { fieldErrors, formError: `errors.${error.code}` };
}
