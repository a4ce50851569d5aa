/**
 * The real catalogs: a key missing in any locale, a message that is not valid ICU, placeholders
 * that differ between locales, an Arabic plural without its six categories, or a key used in the
 * code that no catalog defines fails the test run.
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import {
  type CatalogProblem,
  checkMessages,
  findKeyUsages,
  findMissingKeys,
  findUnknownKeys,
  formatProblems,
  readCatalogDirectory,
} from '#tests/support/i18n-catalogs.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { catalogs, problems: fileProblems } = readCatalogDirectory(path.join(root, 'locales'), LOCALES);

function expectNone(problems: CatalogProblem[]) {
  expect(formatProblems(problems), `${problems.length} problem(s)`).toBe('');
}

describe('UI catalogs (locales/{ar,fr,en})', () => {
  it('hold string messages, each key defined once per locale', () => {
    expect(Object.keys(catalogs.en ?? {}).length).toBeGreaterThan(0);
    expectNone(fileProblems);
  });

  it('define every key in all three locales', () => {
    expectNone(findMissingKeys(catalogs));
  });

  it('parse as ICU, keep the same placeholders, and give Arabic plurals all six categories', () => {
    expectNone(checkMessages(catalogs, { referenceLocale: 'en' }));
  });

  it('define every key the source code uses', () => {
    const files = globSync('{app,server,cli}/**/*.{ts,tsx}', { cwd: root }).filter((f) => !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const usages = files.flatMap((file) => findKeyUsages(readFileSync(path.join(root, file), 'utf8'), file));
    expect(usages.length).toBeGreaterThan(0);
    // Checked against English; the test above makes the other locales hold the same keys.
    expectNone(findUnknownKeys(usages, catalogs.en ?? {}));
  });
});
