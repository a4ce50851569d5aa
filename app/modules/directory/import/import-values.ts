/**
 * Reading cells: vocabulary values given as codes or as labels in any of the three languages
 * (`cooperative`, `Coopérative`, `تعاونية`), reference data by code or name (`TN`, `Tunisie`,
 * `تونس`), lists separated by `;` or `|`, yes/no in three languages, numbers with a decimal comma
 * or Arabic-Indic digits. A row becomes the input object that the directory's contracts validate;
 * a value that names nothing known is an issue on its column. Pure: the lookup tables are built
 * once per run from the reference data and the catalogs.
 */
import type { Locale } from '#app/shared/i18n/locales.ts';
import type { ColumnMapping, ImportKind } from './import.vocabulary.ts';
import { type FieldValueType, resolveTarget } from './import-fields.ts';
import { normaliseLabel } from './normalise.ts';

/** Normalised label or code -> stored code, one table per vocabulary. */
export interface ValueLookup {
  countries: ReadonlyMap<string, string>;
  subsectors: ReadonlyMap<string, string>;
  materials: ReadonlyMap<string, string>;
  organisationTypes: ReadonlyMap<string, string>;
  sizeClasses: ReadonlyMap<string, string>;
  clusterStages: ReadonlyMap<string, string>;
  markets: ReadonlyMap<string, string>;
  valueChainRoles: ReadonlyMap<string, string>;
  languages: ReadonlyMap<string, string>;
}

type Named = { code: string; names: readonly (string | undefined)[] };

/**
 * A lookup table: each code answers to itself and to each of its names. A label with a note in
 * brackets (`Micro (under 10 staff)`) also answers without it.
 */
export function lookupTable(entries: readonly Named[]): Map<string, string> {
  const table = new Map<string, string>();
  const add = (label: string | undefined, code: string) => {
    const key = label ? normaliseLabel(label) : '';
    if (key && !table.has(key)) table.set(key, code);
  };
  for (const { code, names } of entries) {
    add(code, code);
    add(code.replace(/-/g, ' '), code);
    for (const name of names) {
      add(name, code);
      add(name?.replace(/\s*[(（].*$/u, ''), code);
    }
  }
  return table;
}

/** Languages offered for `workingLanguages` by name: the common ones of the region and its partners. */
export const NAMED_LANGUAGES = [
  'ar',
  'fr',
  'en',
  'es',
  'it',
  'de',
  'pt',
  'tr',
  'el',
  'he',
  'fa',
  'ber',
  'zgh',
  'ku',
  'hy',
  'ru',
  'zh',
  'ja',
  'nl',
];

/** `arabic`, `arabe`, `العربية`, `ar` -> `ar`, for the ISO 639-1 codes above (names from Intl). */
export function languageTable(): Map<string, string> {
  const namesIn = (['ar', 'fr', 'en'] as const).map((locale) => new Intl.DisplayNames([locale], { type: 'language' }));
  return lookupTable(
    NAMED_LANGUAGES.filter((code) => code.length === 2).map((code) => ({ code, names: namesIn.map((names) => names.of(code)) })),
  );
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'o', 'vrai', 'نعم', 'صحيح', '✓', '✔']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'non', 'faux', 'لا', 'خطا']);

export function parseBoolean(cell: string): boolean | undefined {
  const word = normaliseLabel(cell) || cell.trim();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

const DIGITS = /^\d+$/;

/** `36,8` and `36.8` are 36.8; `1 200` is 1200; Arabic-Indic digits are read. NaN when it is no number. */
export function parseNumber(cell: string): number {
  // Most number cells are plain digits, which the steps below leave as they are.
  if (DIGITS.test(cell)) return Number(cell);
  const ascii = cell
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.')
    .replace(/[\s\u00a0\u202f٬]/g, '');
  const decimal = ascii.includes('.') ? ascii.replace(/,/g, '') : ascii.replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(decimal) ? Number(decimal) : Number.NaN;
}

/** `a; b | c` -> [a, b, c], empty parts dropped. A comma separates too when neither `;` nor `|` is used. */
export function splitList(cell: string): string[] {
  const separator = /[;|]/.test(cell) ? /[;|]/ : /[,،]/;
  return cell
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A problem with one cell: the column's target, a field code (`errors.field.<code>`) or an error code, and the cell. */
export interface CellIssue {
  field: string;
  code: string;
  value: string;
}

export interface RowReading {
  /** The object to validate with the kind's input contract. */
  input: Record<string, unknown>;
  issues: CellIssue[];
}

const CODE_TYPES: Partial<Record<FieldValueType, { table: keyof ValueLookup; code: string }>> = {
  country: { table: 'countries', code: 'DIRECTORY_IMPORT_UNKNOWN_COUNTRY' },
  subsector: { table: 'subsectors', code: 'DIRECTORY_IMPORT_UNKNOWN_SUBSECTOR' },
  'organisation-type': { table: 'organisationTypes', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE' },
  'size-class': { table: 'sizeClasses', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE' },
  'cluster-stage': { table: 'clusterStages', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE' },
};

const LIST_TYPES: Partial<Record<FieldValueType, { table: keyof ValueLookup; code: string }>> = {
  subsectors: { table: 'subsectors', code: 'DIRECTORY_IMPORT_UNKNOWN_SUBSECTOR' },
  materials: { table: 'materials', code: 'DIRECTORY_IMPORT_UNKNOWN_MATERIAL' },
  markets: { table: 'markets', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE' },
  'value-chain-roles': { table: 'valueChainRoles', code: 'DIRECTORY_IMPORT_UNKNOWN_VALUE' },
  languages: { table: 'languages', code: 'DIRECTORY_IMPORT_UNKNOWN_LANGUAGE' },
};

/** Answers per table and cell: a large file repeats the same few values on every row. */
const answers = new WeakMap<ReadonlyMap<string, string>, Map<string, string | undefined>>();

function lookUp(table: ReadonlyMap<string, string>, value: string): string | undefined {
  let known = answers.get(table);
  if (!known) {
    known = new Map();
    answers.set(table, known);
  }
  if (known.has(value)) return known.get(value);
  const code = table.get(normaliseLabel(value)) ?? table.get(value.trim().toLowerCase());
  if (known.size < 10_000) known.set(value, code);
  return code;
}

type ResolvedTarget = ReturnType<typeof resolveTarget>;

/** Each column's target resolved once per run (a mapping is the same object for every row). */
const resolvedTargets = new WeakMap<ColumnMapping, { kind: ImportKind; targets: ResolvedTarget[] }>();

function targetsOf(kind: ImportKind, mapping: ColumnMapping): ResolvedTarget[] {
  const known = resolvedTargets.get(mapping);
  if (known?.kind === kind) return known.targets;
  const targets = mapping.map((column) => (column.field ? resolveTarget(kind, column.field) : null));
  resolvedTargets.set(mapping, { kind, targets });
  return targets;
}

/**
 * Reads one row through the mapping. Empty cells are left out (the contract's defaults apply);
 * a value naming nothing known, or a number or yes/no that is not one, is an issue on its column.
 */
export function readRow(kind: ImportKind, mapping: ColumnMapping, cells: readonly string[], lookup: ValueLookup): RowReading {
  const input: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  const links: { kind: string; url: string }[] = [];
  const targets = targetsOf(kind, mapping);
  mapping.forEach((column, index) => {
    const cell = (cells[index] ?? '').trim();
    const target = targets[index];
    if (!column.field || !cell || !target) return;
    const { field, locale } = target;
    const issue = (code: string, value = cell) => issues.push({ field: column.field!, code, value });
    const single = CODE_TYPES[field.type];
    if (single) {
      const code = lookUp(lookup[single.table], cell);
      if (code) input[field.key] = code;
      else issue(single.code);
      return;
    }
    const list = LIST_TYPES[field.type];
    if (list) {
      const codes: string[] = [];
      for (const part of splitList(cell)) {
        const code = lookUp(lookup[list.table], part);
        if (code) {
          if (!codes.includes(code)) codes.push(code);
        } else issue(list.code, part);
      }
      input[field.key] = codes;
      return;
    }
    switch (field.type) {
      case 'translatable':
        input[field.key] = { ...(input[field.key] as object | undefined), [locale as Locale]: cell };
        return;
      case 'integer':
      case 'number': {
        const value = parseNumber(cell);
        if (Number.isNaN(value) || (field.type === 'integer' && !Number.isInteger(value))) issue('invalid_type');
        else input[field.key] = value;
        return;
      }
      case 'boolean': {
        const value = parseBoolean(cell);
        if (value === undefined) issue('DIRECTORY_IMPORT_NOT_YES_NO');
        else input[field.key] = value;
        return;
      }
      case 'list':
        input[field.key] = splitList(cell);
        return;
      case 'source-locale': {
        const code = lookUp(lookup.languages, cell);
        if (code === 'ar' || code === 'fr' || code === 'en') input[field.key] = code;
        else issue('DIRECTORY_IMPORT_UNKNOWN_LANGUAGE');
        return;
      }
      case 'link':
        links.push({ kind: field.key.slice('link.'.length), url: cell });
        return;
      default:
        input[field.key] = cell;
    }
  });
  if (links.length > 0) input.links = links;
  return { input, issues };
}
