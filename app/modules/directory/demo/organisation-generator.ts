/**
 * Makes one realistic, demo-flagged organisation from a seeded random stream: a name in the
 * country's naming style and languages, a type and size in a plausible mix, staff by gender,
 * materials of its craft, markets, value-chain roles, working languages, and contact details
 * that are sometimes consented to and sometimes not (so every output path has both to hide and
 * to show). Shared by the demo directory and the synthetic benchmark directory. Pure.
 */
import type { organisation } from '../directory.schema.ts';
import type { Market, OrganisationType, SizeClass, ValueChainRole } from '../directory.vocabulary.ts';
import { materialCode } from '../reference-data.ts';
import type { Random } from './random.ts';
import {
  BRAND_WORDS,
  type City,
  type CountryWords,
  type Craft,
  type GivenName,
  type NameLanguage,
  type NameWord,
  type Phrase,
} from './words.ts';

export type OrganisationRow = typeof organisation.$inferInsert;

export interface OrganisationContext {
  country: CountryWords;
  city: City;
  craft: Craft;
  /** A locality to name workshops after: `{ fr: 'des Aurès', en: 'of the Aurès', ar: 'الأوراس' }` ("ورشة نور الأوراس"). */
  place: Phrase;
  /** Material codes an organisation of this context works with (a cluster's, or its craft's). */
  materials: readonly string[];
}

/** "Le Caire" -> "du Caire", "El Jem" -> "d'El Jem", "Batna" -> "de Batna". */
export function frenchOf(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  return /^[AEÉIOUYH]/i.test(name) ? `d'${name}` : `de ${name}`;
}

/** Arabic "for": ل + الصناعات -> للصناعات, ل + صناعة -> لصناعة. */
export function arabicFor(text: string): string {
  return text.startsWith('ال') ? `لل${text.slice(2)}` : `ل${text}`;
}

/** The place phrase of a city: `{ fr: 'de Batna', en: 'of Batna', ar: 'في باتنة' }`. */
export function placeOfCity(city: City): Phrase {
  return { fr: frenchOf(city.name.fr), en: `of ${city.name.en}`, ar: `في ${city.name.ar}` };
}

/** Lower-case ASCII slug of a Latin-script name (accents dropped). */
export function slugOf(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, maxLength).replace(/-$/, '');
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function listIn(language: NameLanguage, items: readonly Phrase[]): string {
  return items.map((item) => item[language]).join(language === 'ar' ? '، ' : ', ');
}

interface NameParts {
  person: GivenName;
  family: NameWord;
  brand: NameWord;
  craft: Craft;
  city: City;
  place: Phrase;
}

type NameTemplate = (parts: NameParts) => Phrase;

const ENTERPRISE_NAMES: readonly NameTemplate[] = [
  ({ person, place }) => ({
    fr: `Atelier ${person.latin} ${place.fr}`,
    en: `${person.latin} Workshop ${place.en}`,
    ar: `ورشة ${person.ar} ${place.ar}`,
  }),
  ({ family }) => ({ fr: `${family.latin} et Fils`, en: `${family.latin} & Sons`, ar: `${family.ar} وأبناؤه` }),
  ({ family }) => ({ fr: `Maison ${family.latin}`, en: `House of ${family.latin}`, ar: `دار ${family.ar}` }),
  ({ brand, craft }) => ({
    fr: `${craft.title.fr} ${brand.latin}`,
    en: `${brand.latin} ${craft.title.en}`,
    ar: `${craft.title.ar} ${brand.ar}`,
  }),
  ({ person, family, craft }) => ({
    fr: `${craft.title.fr} ${person.latin} ${family.latin}`,
    en: `${person.latin} ${family.latin} ${craft.title.en}`,
    ar: `${craft.title.ar} ${person.ar} ${family.ar}`,
  }),
];

const NAMES_BY_TYPE: Readonly<Record<OrganisationType, readonly NameTemplate[]>> = {
  enterprise: ENTERPRISE_NAMES,
  cooperative: [
    ({ brand, city }) => ({
      fr: `Coopérative ${brand.latin} ${frenchOf(city.name.fr)}`,
      en: `${brand.latin} Cooperative of ${city.name.en}`,
      ar: `تعاونية ${brand.ar} في ${city.name.ar}`,
    }),
    ({ brand }) => ({
      fr: `Coopérative féminine ${brand.latin}`,
      en: `${brand.latin} Women's Cooperative`,
      ar: `تعاونية ${brand.ar} النسائية`,
    }),
  ],
  association: [
    ({ craft, city }) => ({
      fr: `Association des ${craft.makers.fr} ${frenchOf(city.name.fr)}`,
      en: `Association of ${city.name.en} ${craft.makers.en}`,
      ar: `جمعية ${craft.makers.ar} في ${city.name.ar}`,
    }),
    ({ brand, craft }) => ({
      fr: `Association ${brand.latin} pour la promotion ${craft.field.fr}`,
      en: `${brand.latin} Association for ${craft.field.en}`,
      ar: `جمعية ${brand.ar} لتنمية ${craft.field.ar}`,
    }),
  ],
  'support-institution': [
    ({ craft, city }) => ({
      fr: `Centre technique ${craft.field.fr} ${frenchOf(city.name.fr)}`,
      en: `${city.name.en} ${craft.title.en} Technical Centre`,
      ar: `المركز التقني ${arabicFor(craft.field.ar)} ب${city.name.ar}`,
    }),
    ({ city }) => ({
      fr: `Maison de l'artisanat ${frenchOf(city.name.fr)}`,
      en: `${city.name.en} Crafts House`,
      ar: `دار الحرف ب${city.name.ar}`,
    }),
  ],
  chamber: [
    ({ craft, city }) => ({
      fr: `Chambre syndicale des ${craft.makers.fr} ${frenchOf(city.name.fr)}`,
      en: `Guild of ${city.name.en} ${craft.makers.en}`,
      ar: `نقابة ${craft.makers.ar} في ${city.name.ar}`,
    }),
  ],
  'ministry-agency': [
    ({ city }) => ({
      fr: `Agence régionale de l'artisanat ${frenchOf(city.name.fr)}`,
      en: `${city.name.en} Regional Crafts Agency`,
      ar: `الوكالة الجهوية للصناعات التقليدية ب${city.name.ar}`,
    }),
  ],
  'training-university': [
    ({ craft, city }) => ({
      fr: `Centre de formation aux métiers ${craft.field.fr}, ${city.name.fr}`,
      en: `${city.name.en} Training Centre for ${craft.field.en}`,
      ar: `مركز ${city.name.ar} للتدريب على ${craft.field.ar}`,
    }),
  ],
  'financial-institution': [
    ({ brand }) => ({ fr: `Microcrédit ${brand.latin}`, en: `${brand.latin} Microfinance`, ar: `${brand.ar} للتمويل الأصغر` }),
  ],
  buyer: [
    ({ brand }) => ({ fr: `Galerie ${brand.latin}`, en: `${brand.latin} Gallery`, ar: `معرض ${brand.ar}` }),
    ({ brand }) => ({ fr: `Comptoir ${brand.latin} Export`, en: `${brand.latin} Trading`, ar: `${brand.ar} للتجارة والتصدير` }),
  ],
};

/** Mostly enterprises and cooperatives, some associations, a few institutions and buyers. */
export const TYPE_WEIGHTS: readonly (readonly [OrganisationType, number])[] = [
  ['enterprise', 62],
  ['cooperative', 14],
  ['association', 8],
  ['buyer', 5],
  ['training-university', 4],
  ['support-institution', 3],
  ['chamber', 2],
  ['financial-institution', 1],
  ['ministry-agency', 1],
];

const SIZE_WEIGHTS: Readonly<Record<OrganisationType, readonly (readonly [SizeClass, number])[]>> = {
  enterprise: [
    ['micro', 65],
    ['small', 28],
    ['medium', 7],
  ],
  cooperative: [
    ['micro', 45],
    ['small', 50],
    ['medium', 5],
  ],
  association: [
    ['micro', 60],
    ['small', 40],
  ],
  buyer: [
    ['micro', 40],
    ['small', 45],
    ['medium', 15],
  ],
  'training-university': [
    ['small', 60],
    ['medium', 40],
  ],
  'support-institution': [
    ['small', 60],
    ['medium', 40],
  ],
  chamber: [
    ['micro', 30],
    ['small', 70],
  ],
  'financial-institution': [
    ['small', 50],
    ['medium', 50],
  ],
  'ministry-agency': [
    ['small', 40],
    ['medium', 60],
  ],
};

const STAFF_RANGE: Readonly<Record<SizeClass, readonly [number, number]>> = {
  micro: [1, 9],
  small: [10, 49],
  medium: [50, 249],
  large: [250, 600],
};

const ROLES_BY_TYPE: Readonly<Record<OrganisationType, readonly (readonly [ValueChainRole, number])[]>> = {
  enterprise: [
    ['production', 0.9],
    ['design', 0.4],
    ['retail', 0.4],
    ['export', 0.15],
    ['raw-materials', 0.08],
  ],
  cooperative: [
    ['production', 1],
    ['retail', 0.5],
    ['training', 0.2],
  ],
  association: [
    ['services', 1],
    ['training', 0.5],
  ],
  buyer: [
    ['distribution', 1],
    ['retail', 0.6],
    ['export', 0.5],
  ],
  'training-university': [
    ['training', 1],
    ['design', 0.3],
  ],
  'support-institution': [
    ['services', 1],
    ['training', 0.4],
  ],
  chamber: [['services', 1]],
  'financial-institution': [['services', 1]],
  'ministry-agency': [
    ['services', 1],
    ['training', 0.3],
  ],
};

function marketsFor(random: Random, country: CountryWords): Market[] {
  const chances: readonly (readonly [Market, number])[] = [
    ['local', 0.9],
    ['national', 0.7],
    [country.regionalMarket, 0.35],
    ['gulf', 0.15],
    ['europe', 0.25],
    ['africa', 0.05],
    ['americas', 0.05],
    ['asia', 0.03],
    ['online', 0.3],
  ];
  const markets = [...new Set(chances.filter(([, chance]) => random.chance(chance)).map(([market]) => market))];
  return markets.length > 0 ? markets : ['local'];
}

/** The languages the name is given in: the source language first, then others most of the time. */
function nameLanguagesFor(random: Random, country: CountryWords): NameLanguage[] {
  const [first, ...others] = country.nameLanguages;
  const source = random.chance(0.7) ? first! : random.pick(others);
  return [source, ...country.nameLanguages.filter((language) => language !== source && random.chance(0.7))];
}

function pickIn(languages: readonly NameLanguage[], phrase: Phrase): Partial<Phrase> {
  return Object.fromEntries(languages.map((language) => [language, phrase[language]]));
}

/** A founding year, recent years more likely (most of the region's craft firms are young). */
function foundedYearFor(random: Random, type: OrganisationType): number {
  const year = 2024 - Math.floor(random.next() ** 2 * 64);
  return type === 'cooperative' || type === 'association' ? Math.max(year, 1990) : year;
}

export interface GeneratedOrganisation {
  row: OrganisationRow;
  /** Whether a woman leads it (its people are then more often women). */
  womenLed: boolean;
}

/**
 * One organisation. `slugFor` turns the Latin name into the final slug (the demo directory
 * de-duplicates, the synthetic directory appends the row number).
 */
export function generateOrganisation(
  random: Random,
  context: OrganisationContext,
  options: { type: OrganisationType; womenLed: boolean; slugFor: (latinName: string) => string },
): GeneratedOrganisation {
  const { country, city, craft } = context;
  const { type, womenLed } = options;
  // A woman leads a women-led organisation; others are led by men three times in four.
  const leader = womenLed || random.chance(0.25) ? 'woman' : 'man';
  const person = random.pick(country.givenNames.filter((name) => name.gender === leader));
  const parts: NameParts = {
    person,
    family: random.pick(country.familyNames),
    brand: random.pick(BRAND_WORDS),
    craft,
    city,
    place: context.place,
  };
  const fullName = random.pick(NAMES_BY_TYPE[type])(parts);
  const languages = nameLanguagesFor(random, country);
  const sourceLocale = languages[0]!;
  // Slugs are ASCII: made from the Latin-script name (the one given, or the country's usual one).
  const latinLanguage =
    languages.find((language) => language !== 'ar') ?? country.nameLanguages.find((language) => language !== 'ar') ?? 'en';
  const slug = options.slugFor(fullName[latinLanguage]);

  const sizeClass = random.weighted(SIZE_WEIGHTS[type]);
  const [minStaff, maxStaff] = STAFF_RANGE[sizeClass];
  const staffTotal = random.int(minStaff, maxStaff);
  const womenShareBase = womenLed ? 0.5 + random.next() * 0.4 : 0.1 + random.next() * 0.4;
  const craftLeansFemale = craft.materials.some((material) => material === 'embroidery' || material === 'home textile');
  const staffWomen = Math.round(staffTotal * Math.min(0.95, womenShareBase + (craftLeansFemale ? 0.15 : 0)));
  const foundedYear = foundedYearFor(random, type);
  const products = random.sample(craft.products, random.int(1, 3));
  const materialCodes = random
    .sample(context.materials, random.int(1, Math.min(3, Math.max(1, context.materials.length))))
    .map(materialCode);
  const workingLanguages = ['ar', ...country.otherWorkingLanguages.filter(([, share]) => random.chance(share)).map(([code]) => code)];
  const roles = ROLES_BY_TYPE[type].filter(([, chance]) => random.chance(chance)).map(([role]) => role);

  const contactConsent = random.chance(0.6);
  // Without consent, half still have details on file: they must never leave the server.
  const hasContact = contactConsent || random.chance(0.5);
  const streetNumber = random.int(1, 180);
  const address: Phrase = {
    fr: `${streetNumber}, rue ${parts.brand.latin}, ${city.name.fr}`,
    en: `${streetNumber} ${parts.brand.latin} Street, ${city.name.en}`,
    ar: `${streetNumber} شارع ${parts.brand.ar}، ${city.name.ar}`,
  };
  const description: Phrase = {
    fr: `${capitalise(listIn('fr', products))}. À ${city.name.fr} depuis ${foundedYear}.`,
    en: `${capitalise(listIn('en', products))}. In ${city.name.en} since ${foundedYear}.`,
    ar: `${listIn('ar', products)}. في ${city.name.ar} منذ ${foundedYear}.`,
  };

  const row: OrganisationRow = {
    slug,
    name: pickIn(languages, fullName),
    description: pickIn(languages, description),
    sourceLocale,
    type,
    sizeClass,
    foundedYear,
    countryIso2: country.iso2,
    city: city.name,
    latitude: Math.round((city.latitude + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
    longitude: Math.round((city.longitude + (random.next() - 0.5) * 0.04) * 1e5) / 1e5,
    subsectorCodes: [craft.subsector],
    materialCodes: [...new Set(materialCodes)],
    products: pickIn(languages, { fr: listIn('fr', products), en: listIn('en', products), ar: listIn('ar', products) }),
    markets: marketsFor(random, country),
    valueChainRoles: roles.length > 0 ? roles : [ROLES_BY_TYPE[type][0]![0]],
    workingLanguages,
    certifications: sizeClass === 'medium' && type === 'enterprise' && random.chance(0.3) ? ['ISO 9001'] : [],
    staffTotal,
    staffWomen,
    staffMen: staffTotal - staffWomen,
    womenLed,
    womenOwned: womenLed ? random.chance(0.8) : random.chance(0.05),
    youthLed: random.chance(foundedYear >= 2015 ? 0.35 : 0.08),
    address: hasContact && random.chance(0.7) ? address[sourceLocale] : null,
    email: hasContact && random.chance(0.85) ? `contact@${slug}.example` : null,
    phone:
      hasContact && random.chance(0.9)
        ? `${country.phonePrefix} ${random.int(20, 79)} ${random.int(100, 999)} ${random.int(100, 999)}`
        : null,
    contactConsent,
    links: random.chance(0.45) ? [{ kind: 'website', url: `https://${slug}.example` }] : [],
    status: 'published',
    isDemo: true,
  };
  return { row, womenLed };
}
