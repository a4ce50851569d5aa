/**
 * Checks of the UI catalogs (locales/{ar,fr,en}/*.json) and of the keys the source code uses.
 * Pure functions over in-memory catalogs, so the checks themselves are unit-tested
 * (tests/unit/i18n-catalog-checker.test.ts) and then run on the real files
 * (tests/unit/i18n-catalogs.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  type PluralElement,
  parse,
} from '@formatjs/icu-messageformat-parser';

/** Flat catalog of one locale: full key (`shell.home.title`) -> ICU message. */
export type Messages = Record<string, string>;

export type ProblemKind =
  | 'missing'
  | 'duplicate'
  | 'not-a-string'
  | 'unparsable'
  | 'placeholders'
  | 'arabic-plural'
  | 'not-arabic'
  | 'unknown-key';

export interface CatalogProblem {
  kind: ProblemKind;
  key: string;
  locale?: string;
  /** Where it comes from: a catalog file or a source file and line. */
  where?: string;
  detail: string;
}

export interface LoadedCatalogs {
  catalogs: Record<string, Messages>;
  /** Full key -> file it was read from, per locale (for readable reports). */
  origins: Record<string, Record<string, string>>;
  problems: CatalogProblem[];
}

/**
 * Reads `<dir>/<locale>/<namespace>[.<module>].json` the way the app does (a file's namespace is
 * the part of its name before the first dot), keeping where each key came from and reporting keys
 * defined twice (the app would silently keep the last one) and values that are not strings.
 */
export function readCatalogDirectory(dir: string, locales: readonly string[]): LoadedCatalogs {
  const catalogs: Record<string, Messages> = {};
  const origins: Record<string, Record<string, string>> = {};
  const problems: CatalogProblem[] = [];
  for (const locale of locales) {
    const messages: Messages = {};
    const origin: Record<string, string> = {};
    const localeDir = path.join(dir, locale);
    const files = existsSync(localeDir)
      ? readdirSync(localeDir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    for (const file of files) {
      const where = path.join(path.basename(dir), locale, file);
      const namespace = file.slice(0, file.indexOf('.'));
      const entries = JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')) as Record<string, unknown>;
      for (const [name, value] of Object.entries(entries)) {
        const key = `${namespace}.${name}`;
        if (typeof value !== 'string') {
          problems.push({ kind: 'not-a-string', key, locale, where, detail: `the value is ${JSON.stringify(value)}, not a string` });
          continue;
        }
        const earlier = origin[key];
        if (earlier) problems.push({ kind: 'duplicate', key, locale, where, detail: `also defined in ${earlier}` });
        messages[key] = value;
        origin[key] = where;
      }
    }
    catalogs[locale] = messages;
    origins[locale] = origin;
  }
  return { catalogs, origins, problems };
}

/** Every key that exists in one locale must exist in all of them. */
export function findMissingKeys(catalogs: Record<string, Messages>): CatalogProblem[] {
  const locales = Object.keys(catalogs);
  const allKeys = new Set(locales.flatMap((l) => Object.keys(catalogs[l] ?? {})));
  const problems: CatalogProblem[] = [];
  for (const key of [...allKeys].sort()) {
    const present = locales.filter((l) => catalogs[l]?.[key] !== undefined);
    for (const locale of locales) {
      if (!present.includes(locale)) {
        problems.push({ kind: 'missing', key, locale, detail: `missing in ${locale} (present in ${present.join(', ')})` });
      }
    }
  }
  return problems;
}

function parseMessage(message: string): MessageFormatElement[] | Error {
  try {
    return parse(message, { requiresOtherClause: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function walk(elements: MessageFormatElement[], visit: (element: MessageFormatElement) => void): void {
  for (const element of elements) {
    visit(element);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) walk(option.value, visit);
    } else if (isTagElement(element)) {
      walk(element.children, visit);
    }
  }
}

/** The arguments and tags of a message, e.g. `{count, plural}` and `<link>` -> [`count:plural`, `<link>`]. */
export function placeholdersOf(elements: MessageFormatElement[]): string[] {
  const found = new Set<string>();
  walk(elements, (element) => {
    if (isArgumentElement(element)) found.add(element.value);
    else if (isNumberElement(element)) found.add(`${element.value}:number`);
    else if (isDateElement(element)) found.add(`${element.value}:date`);
    else if (isTimeElement(element)) found.add(`${element.value}:time`);
    else if (isPluralElement(element)) found.add(`${element.value}:plural`);
    else if (isSelectElement(element)) found.add(`${element.value}:select`);
    else if (isTagElement(element)) found.add(`<${element.value}>`);
  });
  return [...found].sort();
}

/** Arabic has six plural categories; `=0`, `=1`, `=2` stand in for zero, one and two. */
export const ARABIC_PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const EXACT_EQUIVALENT: Record<string, string> = { zero: '=0', one: '=1', two: '=2' };

function missingArabicCategories(element: PluralElement): string[] {
  if (element.pluralType === 'ordinal') return [];
  const options = Object.keys(element.options);
  return ARABIC_PLURAL_CATEGORIES.filter((c) => !options.includes(c) && !(EXACT_EQUIVALENT[c] && options.includes(EXACT_EQUIVALENT[c])));
}

function literalText(elements: MessageFormatElement[]): string {
  let text = '';
  walk(elements, (element) => {
    if (isLiteralElement(element)) text += element.value;
  });
  return text;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

export interface CatalogCheckOptions {
  /** The locale other locales' placeholders are compared with. */
  referenceLocale: string;
}

/**
 * Every message parses as ICU (with an `other` clause wherever one is required), uses the same
 * placeholders as the reference locale, and in Arabic covers all six plural categories and is
 * written in Arabic (a message with Latin words and no Arabic letter is an untranslated copy).
 */
export function checkMessages(catalogs: Record<string, Messages>, { referenceLocale }: CatalogCheckOptions): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const parsed: Record<string, Record<string, MessageFormatElement[]>> = {};
  for (const [locale, messages] of Object.entries(catalogs)) {
    parsed[locale] = {};
    for (const [key, message] of Object.entries(messages)) {
      const result = parseMessage(message);
      if (result instanceof Error) {
        problems.push({
          kind: 'unparsable',
          key,
          locale,
          detail: `not a valid ICU message (${result.message}): ${JSON.stringify(message)}`,
        });
        continue;
      }
      parsed[locale][key] = result;
      if (locale === 'ar') {
        walk(result, (element) => {
          if (!isPluralElement(element)) return;
          const missing = missingArabicCategories(element);
          if (missing.length > 0) {
            problems.push({ kind: 'arabic-plural', key, locale, detail: `plural {${element.value}} lacks ${missing.join(', ')}` });
          }
        });
        const text = literalText(result);
        if (LATIN_WORD.test(text) && !ARABIC_LETTER.test(text)) {
          problems.push({ kind: 'not-arabic', key, locale, detail: `no Arabic text: ${JSON.stringify(message)}` });
        }
      }
    }
  }
  const reference = parsed[referenceLocale] ?? {};
  for (const [key, elements] of Object.entries(reference)) {
    const expected = placeholdersOf(elements).join(', ');
    for (const [locale, byKey] of Object.entries(parsed)) {
      const other = byKey[key];
      if (locale === referenceLocale || !other) continue;
      const actual = placeholdersOf(other).join(', ');
      if (actual !== expected) {
        problems.push({
          kind: 'placeholders',
          key,
          locale,
          detail: `placeholders [${actual}] differ from ${referenceLocale} [${expected}]`,
        });
      }
    }
  }
  return problems;
}

/** A key the source code refers to: literal (`exact`) or a template literal (`pattern`). */
export interface KeyUsage {
  key: string;
  /** For template literals: a pattern some catalog key must match (`${...}` -> any text). */
  pattern?: RegExp;
  where: string;
}

const QUOTED = String.raw`(?:'([^'\n]+)'|"([^"\n]+)"|\x60([^\x60\n]+)\x60)`;

/**
 * Calls whose string argument is a catalog key. `t(...)` is the `useT()` translator, `translate`
 * the server one; `pageTitle(messages, title, description?)` and `titled(title, description?)` (page
 * titles); a flash's `key`; an `AppError` code
 * needs `errors.<CODE>`; a mail template `x` needs `mail.x.subject` and `mail.x.body`.
 */
const USAGE_PATTERNS: { regex: RegExp; keys: (matched: string) => string[] }[] = [
  { regex: new RegExp(String.raw`(?<![\w.$])t\(\s*${QUOTED}`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\btranslate\(\s*[\w.?]+\s*,\s*${QUOTED}`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\bformatMessage\(\s*\{\s*id:\s*${QUOTED}`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\bpageTitle\(\s*[\w.?]+\s*,\s*${QUOTED}(?:\s*,\s*${QUOTED})?`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\btitled\(\s*${QUOTED}(?:\s*,\s*${QUOTED})?`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\bredirectWithFlash\([^;]*?\bkey:\s*${QUOTED}`, 'g'), keys: (k) => [k] },
  { regex: new RegExp(String.raw`\bnew AppError\(\s*${QUOTED}`, 'g'), keys: (k) => [`errors.${k}`] },
  { regex: new RegExp(String.raw`\bqueueMail\([^;]*?\btemplate:\s*${QUOTED}`, 'g'), keys: (k) => [`mail.${k}.subject`, `mail.${k}.body`] },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templatePattern(template: string): RegExp | undefined {
  const parts = template.split(/\$\{[^}]*\}/);
  if (parts.every((p) => p === '')) return undefined;
  return new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`);
}

/**
 * Blanks out comments (documentation examples are not usages), keeping line breaks so line
 * numbers stay right. Strings are skipped so `'http://...'` is not taken for a comment.
 */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && (next === '/' || next === '*')) {
      const end = next === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2;
      const stop = end <= 1 || end === -1 ? source.length : end;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && !(c !== '`' && source[j] === '\n')) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The keys a source file uses, with file:line. Fully dynamic keys (`t(label)`) cannot be checked. */
export function findKeyUsages(rawSource: string, file: string): KeyUsage[] {
  const source = stripComments(rawSource);
  const usages: KeyUsage[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  for (const { regex, keys } of USAGE_PATTERNS) {
    for (const match of source.matchAll(regex)) {
      const where = `${file}:${lineOf(match.index)}`;
      // Each quoted group has three alternatives ('...', "...", `...`); a pattern may hold two keys.
      const groups = match.slice(1);
      for (let i = 0; i < groups.length; i += 3) {
        const single = groups[i] ?? groups[i + 1];
        const template = groups[i + 2];
        if (single !== undefined) {
          for (const key of keys(single)) usages.push({ key, where });
        } else if (template !== undefined) {
          for (const key of keys(template)) {
            if (!key.includes('${')) usages.push({ key, where });
            else {
              const pattern = templatePattern(key);
              if (pattern) usages.push({ key, pattern, where });
            }
          }
        }
      }
    }
  }
  return usages;
}

/** Keys used by the code that no catalog defines (checked against one locale: the others must match it). */
export function findUnknownKeys(usages: KeyUsage[], messages: Messages): CatalogProblem[] {
  const keys = Object.keys(messages);
  const problems: CatalogProblem[] = [];
  for (const usage of usages) {
    const known = usage.pattern ? keys.some((k) => usage.pattern?.test(k)) : messages[usage.key] !== undefined;
    if (!known) {
      problems.push({
        kind: 'unknown-key',
        key: usage.key,
        where: usage.where,
        detail: usage.pattern ? `no catalog key matches ${usage.pattern}` : 'no catalog defines this key',
      });
    }
  }
  return problems;
}

/** One readable line per problem, for assertion messages. */
export function formatProblems(problems: CatalogProblem[]): string {
  return problems
    .map((p) => `${p.kind}: ${p.key}${p.locale ? ` [${p.locale}]` : ''}${p.where ? ` (${p.where})` : ''}: ${p.detail}`)
    .join('\n');
}
