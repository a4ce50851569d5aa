/** Reading the diagnostic editor's forms, and refusals by field. */
import { describe, expect, it } from 'vitest';
import { AppError } from '#app/shared/errors.ts';
import { baselineInputOf, challengeInputOf, endorseInputOf, formFailureOf, numberOf, swotInputOf } from './diagnostic-form.ts';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('diagnostic editor forms', () => {
  it('reads a challenge in the language chosen beside it, with its groups and optional texts', () => {
    const input = challengeInputOf(
      formOf([
        ['themeCode', 'access-to-finance'],
        ['description', '  Pas de crédit. '],
        ['language', 'fr'],
        ['severity', '4'],
        ['affectedGroups', 'micro-firms'],
        ['affectedGroups', 'youth'],
        ['genderDimension', 'women-more'],
        ['genderNote', ''],
        ['evidence', 'Enquête'],
        ['evidenceUrl', ''],
      ]),
      'ar',
    );
    expect(input).toEqual({
      themeCode: 'access-to-finance',
      description: { fr: 'Pas de crédit.' },
      sourceLocale: 'fr',
      severity: 4,
      affectedGroups: ['micro-firms', 'youth'],
      genderDimension: 'women-more',
      genderNote: null,
      evidence: { fr: 'Enquête' },
      evidenceUrl: null,
    });
  });

  it('falls back to the page language and to no gender dimension, and leaves an empty description empty', () => {
    const input = challengeInputOf(formOf([['language', 'xx']]), 'ar');
    expect(input).toMatchObject({ sourceLocale: 'ar', description: {}, genderDimension: 'none', affectedGroups: [] });
    expect(
      swotInputOf(
        formOf([
          ['kind', 'threat'],
          ['text', 'تقليد رخيص'],
        ]),
        'ar',
      ),
    ).toEqual({
      kind: 'threat',
      text: { ar: 'تقليد رخيص' },
      sourceLocale: 'ar',
    });
  });

  it('reads numbers with spaces and a decimal comma, and keeps junk as NaN for the contract to refuse', () => {
    expect(numberOf('12 500,5')).toBe(12500.5);
    expect(numberOf('')).toBeUndefined();
    expect(numberOf('12abc')).toBeNaN();
    expect(
      baselineInputOf(
        formOf([
          ['indicatorCode', 'jobs'],
          ['value', '310'],
          ['unit', 'count'],
          ['year', '2026'],
          ['source', ''],
        ]),
      ),
    ).toEqual({
      indicatorCode: 'jobs',
      value: 310,
      unit: 'count',
      year: 2026,
      source: null,
    });
    expect(
      endorseInputOf(
        formOf([
          ['name', ' Amina '],
          ['role', 'Chair'],
        ]),
      ),
    ).toEqual({ name: 'Amina', role: 'Chair' });
  });

  it('names each bad field once with its message key, and leaves refusals and missing things to the error page', () => {
    const failure = formFailureOf(
      new AppError('COMMON_VALIDATION_FAILED', 400, {
        fields: [
          { field: 'description', code: 'custom' },
          { field: 'description.fr', code: 'too_big' },
          { field: 'affectedGroups.0', code: 'invalid_value' },
          { field: 'themeCode', code: 'NEEDS_DIAGNOSTIC_UNKNOWN_THEME' },
          { field: 'value', code: 'not_finite' },
        ],
      }),
    );
    expect(failure).toEqual({
      formError: 'errors.COMMON_VALIDATION_FAILED',
      fieldErrors: {
        description: 'errors.field.required',
        affectedGroups: 'errors.field.invalid_value',
        themeCode: 'errors.NEEDS_DIAGNOSTIC_UNKNOWN_THEME',
        value: 'errors.field.invalid',
      },
    });
    expect(formFailureOf(new AppError('NEEDS_DIAGNOSTIC_EMPTY', 400))).toEqual({
      fieldErrors: {},
      formError: 'errors.NEEDS_DIAGNOSTIC_EMPTY',
    });
    expect(formFailureOf(new AppError('COMMON_FORBIDDEN', 403))).toBeNull();
    expect(formFailureOf(new AppError('NEEDS_DIAGNOSTIC_NOT_FOUND', 404))).toBeNull();
    expect(formFailureOf(new Error('boom'))).toBeNull();
  });
});
