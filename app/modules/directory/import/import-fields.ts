/**
 * The fields a file's columns can fill, per kind, and the guess of which column fills which from
 * its header, in Arabic, French, English or as a code (`Nom`, `الاسم`, `name`, `name_ar`,
 * `Pays`, `country_iso2`). Translatable fields take a language (`name.ar`); a header naming none
 * takes the run's language. Pure: used by the engine, the mapping form and the CLI.
 */
import { AppError } from '#app/shared/errors.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import type { ColumnMapping, ImportKind } from './import.vocabulary.ts';
import { normaliseLabel } from './normalise.ts';

/** How a cell is read: see `import-values.ts`. */
export type FieldValueType =
  | 'text'
  | 'translatable'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'country'
  | 'subsector'
  | 'subsectors'
  | 'materials'
  | 'organisation-type'
  | 'size-class'
  | 'cluster-stage'
  | 'markets'
  | 'value-chain-roles'
  | 'languages'
  | 'list'
  | 'source-locale'
  | 'link';

export interface ImportFieldDefinition {
  /** The input's property (`name`, `countryIso2`), or `link.<kind>` for web and social links. */
  key: string;
  type: FieldValueType;
  /** Header words that name this field, compared after `normaliseLabel` (any language). */
  headers: readonly string[];
}

const NAME = {
  key: 'name',
  type: 'translatable',
  headers: ['name', 'nom', 'raison sociale', 'denomination', 'الاسم', 'اسم', 'التسمية'],
} satisfies ImportFieldDefinition;
const DESCRIPTION = {
  key: 'description',
  type: 'translatable',
  headers: ['description', 'about', 'presentation', 'الوصف', 'نبذة'],
} satisfies ImportFieldDefinition;
const SLUG = { key: 'slug', type: 'text', headers: ['slug', 'identifier', 'identifiant', 'المعرف'] } satisfies ImportFieldDefinition;
const COUNTRY = {
  key: 'countryIso2',
  type: 'country',
  headers: ['country', 'country iso2', 'country code', 'pays', 'code pays', 'البلد', 'الدولة', 'بلد'],
} satisfies ImportFieldDefinition;
const CITY = {
  key: 'city',
  type: 'translatable',
  headers: ['city', 'town', 'ville', 'localite', 'المدينة', 'مدينة'],
} satisfies ImportFieldDefinition;
const LATITUDE = { key: 'latitude', type: 'number', headers: ['latitude', 'lat', 'خط العرض'] } satisfies ImportFieldDefinition;
const LONGITUDE = {
  key: 'longitude',
  type: 'number',
  headers: ['longitude', 'lon', 'lng', 'long', 'خط الطول'],
} satisfies ImportFieldDefinition;
const MATERIALS = {
  key: 'materialCodes',
  type: 'materials',
  headers: ['materials', 'materials and techniques', 'techniques', 'materiaux', 'materiaux et techniques', 'المواد', 'المواد والتقنيات'],
} satisfies ImportFieldDefinition;
const SOURCE_LOCALE = {
  key: 'sourceLocale',
  type: 'source-locale',
  headers: ['source locale', 'source language', 'langue source', 'لغة المصدر'],
} satisfies ImportFieldDefinition;
const WEBSITE = {
  key: 'link.website',
  type: 'link',
  headers: ['website', 'web', 'site', 'site web', 'url', 'الموقع', 'الموقع الإلكتروني'],
} satisfies ImportFieldDefinition;
const FACEBOOK = { key: 'link.facebook', type: 'link', headers: ['facebook', 'فيسبوك'] } satisfies ImportFieldDefinition;
const INSTAGRAM = { key: 'link.instagram', type: 'link', headers: ['instagram', 'انستغرام'] } satisfies ImportFieldDefinition;
const LINKEDIN = { key: 'link.linkedin', type: 'link', headers: ['linkedin', 'لينكدإن'] } satisfies ImportFieldDefinition;

const ORGANISATION_FIELDS: readonly ImportFieldDefinition[] = [
  SLUG,
  NAME,
  DESCRIPTION,
  SOURCE_LOCALE,
  {
    key: 'type',
    type: 'organisation-type',
    headers: ['type', 'organisation type', 'organization type', 'type d organisation', 'النوع', 'نوع المؤسسة'],
  },
  { key: 'sizeClass', type: 'size-class', headers: ['size', 'size class', 'taille', 'categorie de taille', 'الحجم', 'فئة الحجم'] },
  {
    key: 'foundedYear',
    type: 'integer',
    headers: ['founded', 'founded year', 'year founded', 'annee de creation', 'creation', 'سنة التأسيس'],
  },
  COUNTRY,
  CITY,
  LATITUDE,
  LONGITUDE,
  {
    key: 'subsectorCodes',
    type: 'subsectors',
    headers: [
      'subsector',
      'subsectors',
      'sector',
      'sectors',
      'sous secteur',
      'sous secteurs',
      'secteur',
      'القطاع',
      'القطاع الفرعي',
      'القطاعات الفرعية',
    ],
  },
  MATERIALS,
  {
    key: 'products',
    type: 'translatable',
    headers: ['products', 'products and services', 'produits', 'produits et services', 'المنتجات', 'المنتجات والخدمات'],
  },
  { key: 'markets', type: 'markets', headers: ['markets', 'market', 'marches', 'marche', 'الأسواق', 'السوق'] },
  { key: 'valueChainRoles', type: 'value-chain-roles', headers: ['value chain', 'value chain roles', 'chaine de valeur', 'سلسلة القيمة'] },
  {
    key: 'workingLanguages',
    type: 'languages',
    headers: ['languages', 'working languages', 'langues', 'langues de travail', 'اللغات', 'لغات العمل'],
  },
  { key: 'certifications', type: 'list', headers: ['certifications', 'certification', 'labels', 'الشهادات'] },
  {
    key: 'staffTotal',
    type: 'integer',
    headers: ['staff', 'staff total', 'employees', 'effectif', 'effectif total', 'salaries', 'عدد العاملين', 'العاملون'],
  },
  {
    key: 'staffWomen',
    type: 'integer',
    headers: ['staff women', 'women staff', 'women', 'femmes', 'effectif femmes', 'العاملات', 'عدد النساء'],
  },
  {
    key: 'staffMen',
    type: 'integer',
    headers: ['staff men', 'men staff', 'men', 'hommes', 'effectif hommes', 'العاملون الرجال', 'عدد الرجال'],
  },
  {
    key: 'womenLed',
    type: 'boolean',
    headers: ['women led', 'dirigee par une femme', 'dirigee par des femmes', 'تقودها نساء', 'تديرها امرأة'],
  },
  {
    key: 'womenOwned',
    type: 'boolean',
    headers: ['women owned', 'detenue par une femme', 'detenue par des femmes', 'تملكها نساء', 'تملكها امرأة'],
  },
  { key: 'youthLed', type: 'boolean', headers: ['youth led', 'dirigee par des jeunes', 'يقودها شباب'] },
  { key: 'address', type: 'text', headers: ['address', 'adresse', 'العنوان'] },
  { key: 'email', type: 'text', headers: ['email', 'e mail', 'mail', 'courriel', 'adresse e mail', 'البريد الإلكتروني', 'البريد'] },
  { key: 'phone', type: 'text', headers: ['phone', 'telephone', 'tel', 'mobile', 'الهاتف', 'رقم الهاتف'] },
  {
    key: 'contactConsent',
    type: 'boolean',
    headers: ['contact consent', 'consent', 'consentement', 'consentement contact', 'الموافقة', 'الموافقة على نشر بيانات الاتصال'],
  },
  WEBSITE,
  FACEBOOK,
  INSTAGRAM,
  LINKEDIN,
  { key: 'clusterSlug', type: 'text', headers: ['cluster', 'cluster slug', 'grappe', 'cluster d appartenance', 'العنقود', 'التجمع'] },
];

const CLUSTER_FIELDS: readonly ImportFieldDefinition[] = [
  SLUG,
  NAME,
  DESCRIPTION,
  SOURCE_LOCALE,
  COUNTRY,
  CITY,
  LATITUDE,
  LONGITUDE,
  { key: 'subsectorCode', type: 'subsector', headers: ['subsector', 'sector', 'sous secteur', 'secteur', 'القطاع', 'القطاع الفرعي'] },
  MATERIALS,
  { key: 'stage', type: 'cluster-stage', headers: ['stage', 'programme stage', 'etape', 'stade', 'المرحلة'] },
  {
    key: 'anchorOrganisationSlug',
    type: 'text',
    headers: ['anchor', 'anchor institution', 'anchor organisation', 'institution d ancrage', 'المؤسسة المرجعية'],
  },
  WEBSITE,
  FACEBOOK,
  INSTAGRAM,
];

export function fieldsOf(kind: ImportKind): readonly ImportFieldDefinition[] {
  return kind === 'organisations' ? ORGANISATION_FIELDS : CLUSTER_FIELDS;
}

/** Every target a column can be mapped to: `name.ar`, `name.fr`, `name.en`, `countryIso2`... */
export function targetsOf(kind: ImportKind): string[] {
  return fieldsOf(kind).flatMap((field) =>
    field.type === 'translatable' ? LOCALES.map((locale) => `${field.key}.${locale}`) : [field.key],
  );
}

/** The field definition behind a target (`name.fr` -> name) and the language it carries. */
export function resolveTarget(kind: ImportKind, target: string): { field: ImportFieldDefinition; locale: Locale | null } | null {
  const [key, locale] = splitTarget(target);
  const field = fieldsOf(kind).find((f) => f.key === key);
  if (!field) return null;
  if (field.type === 'translatable') return locale ? { field, locale } : null;
  return locale ? null : { field, locale: null };
}

function splitTarget(target: string): [string, Locale | null] {
  for (const locale of LOCALES) if (target.endsWith(`.${locale}`)) return [target.slice(0, -3), locale];
  return [target, null];
}

/** Words that name a language at the end of a header: `name_ar`, `Nom (français)`, `الاسم بالعربية`. */
const LANGUAGE_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  ar: ['ar', 'arabic', 'arabe', 'عربي', 'بالعربية', 'العربية', 'عربية'],
  fr: ['fr', 'french', 'francais', 'فرنسي', 'بالفرنسية', 'الفرنسية', 'فرنسية'],
  en: ['en', 'english', 'anglais', 'انجليزي', 'بالانجليزية', 'الانجليزية', 'انجليزية', 'بالإنجليزية'],
};

/** Splits a trailing language word off a normalised header: `nom fr` -> [`nom`, fr]. */
function splitLanguage(header: string): [string, Locale | null] {
  const words = header.split(' ');
  if (words.length < 2) return [header, null];
  const last = words[words.length - 1]!;
  for (const locale of LOCALES) {
    if (LANGUAGE_WORDS[locale].some((word) => normaliseLabel(word) === last)) return [words.slice(0, -1).join(' '), locale];
  }
  return [header, null];
}

/** Splits camelCase codes (`countryIso2`, `staffWomen`) so they read like headers. */
function headerWords(header: string): string {
  return normaliseLabel(header.replace(/([a-z])([A-Z0-9])/g, '$1 $2'));
}

const headerIndex = new Map<ImportKind, Map<string, ImportFieldDefinition>>();

function headerIndexOf(kind: ImportKind): Map<string, ImportFieldDefinition> {
  let index = headerIndex.get(kind);
  if (!index) {
    index = new Map();
    for (const field of fieldsOf(kind)) {
      for (const word of [field.key, ...field.headers]) index.set(headerWords(word), field);
    }
    headerIndex.set(kind, index);
  }
  return index;
}

/** The target a header names, or null when it names none of the kind's fields. */
export function guessTarget(kind: ImportKind, header: string, locale: Locale): string | null {
  const words = headerWords(header);
  if (!words) return null;
  const index = headerIndexOf(kind);
  // The exact header first: `women` is a field, not `wo` + `men`.
  const exact = index.get(words);
  if (exact) return exact.type === 'translatable' ? `${exact.key}.${locale}` : exact.key;
  const [base, language] = splitLanguage(words);
  const field = language ? index.get(base) : undefined;
  if (field?.type !== 'translatable') return null;
  return `${field.key}.${language}`;
}

/** The guessed mapping of a file's headers; a target is given to its first column only. */
export function guessMapping(kind: ImportKind, headers: readonly string[], locale: Locale): ColumnMapping {
  const taken = new Set<string>();
  return headers.map((header) => {
    const target = guessTarget(kind, header, locale);
    if (!target || taken.has(target)) return { header, field: null };
    taken.add(target);
    return { header, field: target };
  });
}

/** Targets a mapping must fill for any row to be valid. */
export function missingRequiredTargets(kind: ImportKind, mapping: ColumnMapping): string[] {
  const fields = new Set(mapping.map((column) => column.field?.split('.')[0]).filter(Boolean));
  const required = kind === 'organisations' ? ['name', 'type', 'countryIso2'] : ['name', 'countryIso2', 'subsectorCode'];
  return required.filter((key) => !fields.has(key));
}

/** Why a mapping cannot run, as an error code and what it concerns; null when it can. */
export function mappingProblem(kind: ImportKind, mapping: ColumnMapping): { code: string; targets: string[] } | null {
  const unknown = mapping.filter((column) => column.field && !resolveTarget(kind, column.field)).map((column) => column.field!);
  if (unknown.length > 0) return { code: 'DIRECTORY_IMPORT_MAPPING_UNKNOWN_FIELD', targets: unknown };
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const column of mapping) {
    if (!column.field) continue;
    if (seen.has(column.field)) repeated.add(column.field);
    seen.add(column.field);
  }
  if (repeated.size > 0) return { code: 'DIRECTORY_IMPORT_MAPPING_REPEATED', targets: [...repeated] };
  const missing = missingRequiredTargets(kind, mapping);
  if (missing.length > 0) return { code: 'DIRECTORY_IMPORT_MAPPING_INCOMPLETE', targets: missing };
  return null;
}

/**
 * Applies `Header=target` choices (from the command line) over a guessed mapping; an empty
 * target ignores the column. A header the file does not have is DIRECTORY_IMPORT_MAPPING_UNKNOWN_COLUMN.
 */
export function overrideMapping(mapping: ColumnMapping, choices: Readonly<Record<string, string>>): ColumnMapping {
  const headers = new Set(mapping.map((column) => normaliseLabel(column.header)));
  for (const header of Object.keys(choices)) {
    if (!headers.has(normaliseLabel(header))) throw new AppError('DIRECTORY_IMPORT_MAPPING_UNKNOWN_COLUMN', 400, { header });
  }
  const normalisedChoices = new Map(Object.entries(choices).map(([header, target]) => [normaliseLabel(header), target.trim() || null]));
  const chosenTargets = new Set([...normalisedChoices.values()].filter(Boolean));
  return mapping.map((column) => {
    const key = normaliseLabel(column.header);
    if (normalisedChoices.has(key)) return { header: column.header, field: normalisedChoices.get(key)! };
    // A target chosen for another column is taken from the column it was guessed for.
    return column.field && chosenTargets.has(column.field) ? { header: column.header, field: null } : column;
  });
}
