/** The themes page's forms: texts side by side by language, the code from the English name, refusals by field. */
import { describe, expect, it } from 'vitest';
import { AppError } from '#app/shared/errors.ts';
import { createInputOf, themeCodeFromName, themeFailureOf, updateInputOf } from './themes-form.ts';

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
};

describe('themes page forms', () => {
  it('makes the code from the English name only', () => {
    expect(themeCodeFromName('Access to finance')).toBe('access-to-finance');
    expect(themeCodeFromName('  Design & Product—Development ')).toBe('design-and-product-development');
    expect(themeCodeFromName('Énergie et coûts')).toBe('energie-et-couts');
    expect(themeCodeFromName('الوصول إلى التمويل')).toBe('');
    expect(themeCodeFromName(undefined)).toBe('');
    expect(themeCodeFromName('word '.repeat(30)).length).toBeLessThanOrEqual(64);
    expect(themeCodeFromName('word '.repeat(30))).not.toMatch(/-$/);
  });

  it('reads the names and descriptions typed side by side, leaving out empty languages', () => {
    const form = formOf({ 'name.ar': ' الطاقة ', 'name.fr': '', 'name.en': 'Energy costs', 'description.ar': '', 'description.en': '' });
    expect(createInputOf(form)).toEqual({ code: 'energy-costs', name: { ar: 'الطاقة', en: 'Energy costs' }, description: null });
    expect(updateInputOf(formOf({ 'name.fr': 'Énergie', 'description.fr': 'Coût de l’énergie' }))).toEqual({
      name: { fr: 'Énergie' },
      description: { fr: 'Coût de l’énergie' },
    });
  });

  it('says a refused code on the English name, and other refusals on their field; lets access errors through', () => {
    const invalid = new AppError('COMMON_VALIDATION_FAILED', 400, {
      fields: [
        { field: 'code', code: 'too_small' },
        { field: 'name', code: 'custom' },
        { field: 'description.fr', code: 'too_big' },
      ],
    });
    expect(themeFailureOf(invalid)).toEqual({
      formError: 'errors.COMMON_VALIDATION_FAILED',
      fieldErrors: {
        'name.en': 'needs.themes.error.englishName',
        name: 'needs.themes.error.oneLanguage',
        'description.fr': 'errors.field.too_big',
      },
    });
    const taken = new AppError('NEEDS_THEME_CODE_TAKEN', 409, { fields: [{ field: 'code', code: 'NEEDS_THEME_CODE_TAKEN' }] });
    expect(themeFailureOf(taken)?.fieldErrors).toEqual({ 'name.en': 'errors.NEEDS_THEME_CODE_TAKEN' });
    expect(themeFailureOf(new AppError('COMMON_FORBIDDEN', 403))).toBeNull();
  });
});
