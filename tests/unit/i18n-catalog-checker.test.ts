/** The catalog checks themselves, on small in-memory catalogs: each kind of defect is reported. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  checkMessages,
  findKeyUsages,
  findMissingKeys,
  findUnknownKeys,
  formatProblems,
  placeholdersOf,
  readCatalogDirectory,
} from '#tests/support/i18n-catalogs.ts';

const complete = {
  en: { 'shell.title': 'Home', 'shell.members': '{count, plural, one {# member} other {# members}}' },
  fr: { 'shell.title': 'Accueil', 'shell.members': '{count, plural, one {# membre} other {# membres}}' },
  ar: {
    'shell.title': 'الرئيسية',
    'shell.members': '{count, plural, zero {لا أعضاء} one {عضو واحد} two {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}',
  },
};

describe('findMissingKeys', () => {
  it('accepts catalogs holding the same keys', () => {
    expect(findMissingKeys(complete)).toEqual([]);
  });

  it('reports a key missing in one locale', () => {
    const { 'shell.title': _dropped, ...frWithoutTitle } = complete.fr;
    const problems = findMissingKeys({ ...complete, fr: frWithoutTitle });
    expect(problems).toEqual([{ kind: 'missing', key: 'shell.title', locale: 'fr', detail: 'missing in fr (present in en, ar)' }]);
    expect(formatProblems(problems)).toBe('missing: shell.title [fr]: missing in fr (present in en, ar)');
  });

  it('reports a key that only one locale has, once per locale lacking it', () => {
    const problems = findMissingKeys({ ...complete, ar: { ...complete.ar, 'shell.extra': 'إضافي' } });
    expect(problems.map((p) => `${p.key}/${p.locale}`)).toEqual(['shell.extra/en', 'shell.extra/fr']);
  });
});

describe('checkMessages', () => {
  it('accepts valid, consistent messages', () => {
    expect(checkMessages(complete, { referenceLocale: 'en' })).toEqual([]);
  });

  it('reports a message that is not valid ICU', () => {
    const problems = checkMessages({ ...complete, fr: { ...complete.fr, 'shell.title': 'Accueil {' } }, { referenceLocale: 'en' });
    expect(problems.map((p) => [p.kind, p.locale, p.key])).toEqual([['unparsable', 'fr', 'shell.title']]);
  });

  it('reports a plural without an other clause as not valid ICU', () => {
    const problems = checkMessages({ en: { 'shell.n': '{n, plural, one {one}}' } }, { referenceLocale: 'en' });
    expect(problems.map((p) => p.kind)).toEqual(['unparsable']);
  });

  it('reports placeholders that differ from the reference locale', () => {
    const problems = checkMessages({ ...complete, fr: { ...complete.fr, 'shell.title': 'Accueil de {nom}' } }, { referenceLocale: 'en' });
    expect(problems).toEqual([{ kind: 'placeholders', key: 'shell.title', locale: 'fr', detail: 'placeholders [nom] differ from en []' }]);
  });

  it('reports an Arabic plural lacking categories, accepting =0/=1/=2 for zero/one/two', () => {
    const lacking = '{count, plural, one {عضو واحد} other {# عضو}}';
    const exact = '{count, plural, =0 {لا أعضاء} =1 {عضو واحد} =2 {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}';
    const problems = checkMessages({ ar: { 'shell.lacking': lacking, 'shell.exact': exact } }, { referenceLocale: 'ar' });
    expect(problems).toEqual([
      { kind: 'arabic-plural', key: 'shell.lacking', locale: 'ar', detail: 'plural {count} lacks zero, two, few, many' },
    ]);
  });

  it('reports an Arabic message that is an untranslated copy', () => {
    const problems = checkMessages({ ...complete, ar: { ...complete.ar, 'shell.title': 'Home' } }, { referenceLocale: 'en' });
    expect(problems.map((p) => [p.kind, p.key])).toEqual([['not-arabic', 'shell.title']]);
  });
});

describe('placeholdersOf', () => {
  it('lists arguments inside plural branches and rich-text tags', () => {
    expect(placeholdersOf(parse('<b>{name}</b> has {count, plural, one {# item from {shop}} other {# items}}'))).toEqual([
      '<b>',
      'count:plural',
      'name',
      'shop',
    ]);
  });
});

describe('findKeyUsages and findUnknownKeys', () => {
  const source = [
    "const title = t('shell.title');",
    'const body = translate(locale, "mail.body");',
    `const card = t(\`shell.cards.\${key}.title\`);`,
    "throw new AppError('SHELL_BROKEN', 500);",
    "export const meta = () => pageTitle(messages, 'shell.page.title', 'shell.page.lead');",
    "await queueMail(tx, { to, locale, template: 'shell.welcome' });",
    "return redirectWithFlash('/en/', { key: 'shell.flash.saved', kind: 'success' });",
    'const dynamic = t(label);',
    'const notTranslation = format(`x`);',
    "export const otherMeta = titled('shell.other.title');",
  ].join('\n');

  it('finds literal keys, template-literal patterns, error codes, page titles, flashes and mail templates', () => {
    const usages = findKeyUsages(source, 'app/example.tsx');
    expect(usages.map((u) => [u.key, u.where])).toEqual([
      ['shell.title', 'app/example.tsx:1'],
      [`shell.cards.\${key}.title`, 'app/example.tsx:3'],
      ['mail.body', 'app/example.tsx:2'],
      ['shell.page.title', 'app/example.tsx:5'],
      ['shell.page.lead', 'app/example.tsx:5'],
      ['shell.other.title', 'app/example.tsx:10'],
      ['shell.flash.saved', 'app/example.tsx:7'],
      ['errors.SHELL_BROKEN', 'app/example.tsx:4'],
      ['mail.shell.welcome.subject', 'app/example.tsx:6'],
      ['mail.shell.welcome.body', 'app/example.tsx:6'],
    ]);
  });

  it('ignores keys in comments but not after a string that looks like one', () => {
    const commented = [
      "// t('shell.inLineComment')",
      "/** t('shell.inDocComment')",
      " */ const url = 'http://example.org/*'; const label = t('shell.afterUrl');",
      "const other = t('shell.afterBlock'); /* t('shell.inBlock') */",
    ].join('\n');
    expect(findKeyUsages(commented, 'app/c.ts').map((u) => [u.key, u.where])).toEqual([
      ['shell.afterUrl', 'app/c.ts:3'],
      ['shell.afterBlock', 'app/c.ts:4'],
    ]);
  });

  it('reports keys no catalog defines, checking template literals by pattern', () => {
    const usages = findKeyUsages(source, 'app/example.tsx');
    const messages = {
      'shell.title': 'Home',
      'mail.body': 'Body',
      'shell.cards.map.title': 'Map',
      'shell.page.title': 'Page',
      'errors.SHELL_BROKEN': 'Broken',
      'mail.shell.welcome.subject': 'Welcome',
      'mail.shell.welcome.body': 'Hello',
    };
    expect(findUnknownKeys(usages, messages).map((p) => p.key)).toEqual(['shell.page.lead', 'shell.other.title', 'shell.flash.saved']);
    const { 'shell.cards.map.title': _dropped, ...withoutCards } = messages;
    expect(findUnknownKeys(usages, withoutCards).map((p) => `${p.key} ${p.detail}`)).toContain(
      `shell.cards.\${key}.title no catalog key matches /^shell\\.cards\\..+\\.title$/`,
    );
  });
});

describe('readCatalogDirectory', () => {
  it('prefixes keys with the namespace from the file name and reports duplicates and non-strings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-catalogs-'));
    try {
      mkdirSync(path.join(dir, 'en'));
      writeFileSync(path.join(dir, 'en', 'errors.json'), JSON.stringify({ COMMON_X: 'X', 'page.title': 'Title' }));
      writeFileSync(path.join(dir, 'en', 'errors.identity.json'), JSON.stringify({ IDENTITY_Y: 'Y', COMMON_X: 'again', count: 3 }));
      const { catalogs, problems } = readCatalogDirectory(dir, ['en']);
      // Files are read in name order (errors.identity.json before errors.json), the last definition wins.
      expect(catalogs.en).toEqual({ 'errors.COMMON_X': 'X', 'errors.page.title': 'Title', 'errors.IDENTITY_Y': 'Y' });
      expect(problems.map((p) => [p.kind, p.key, p.where])).toEqual([
        ['not-a-string', 'errors.count', path.join(path.basename(dir), 'en', 'errors.identity.json')],
        ['duplicate', 'errors.COMMON_X', path.join(path.basename(dir), 'en', 'errors.json')],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
