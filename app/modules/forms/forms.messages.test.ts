/**
 * Every error code the form engine returns has a message in the three catalogs: answer errors
 * and definition problems are returned as data (not thrown), so the repository-wide catalog test
 * cannot see them in the code.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { readCatalogDirectory } from '#tests/support/i18n-catalogs.ts';
import { FORMS_ANSWER_ERROR_CODES, FORMS_DEFINITION_PROBLEM_CODES } from './forms.contracts.ts';

const { catalogs } = readCatalogDirectory(path.resolve(import.meta.dirname, '../../../locales'), LOCALES);

describe('forms error messages', () => {
  it('exist in Arabic, French and English for every code returned', () => {
    const missing = [...FORMS_ANSWER_ERROR_CODES, ...FORMS_DEFINITION_PROBLEM_CODES].flatMap((code) =>
      LOCALES.filter((locale) => !catalogs[locale]?.[`errors.${code}`]).map((locale) => `${locale}: ${code}`),
    );
    expect(missing).toEqual([]);
  });
});
