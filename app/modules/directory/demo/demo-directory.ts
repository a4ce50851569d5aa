/**
 * The demo directory, built in memory: the 14 real clusters of `reference-data/clusters.json`
 * (slugs, names, cities, coordinates, subsectors, materials and sourced facts exactly as in the
 * file, the facts also in French and Arabic; real, so not demo-flagged and without invented
 * figures), the real institutions the sources name (name, type and city only), and for each
 * cluster 10 to 40 synthetic, demo-flagged organisations of its craft, an anchor institution,
 * memberships and a few demo people. Also `demo-organisation`, the organisation of the demo
 * `organisation_admin` account, in El Jem.
 * Deterministic: the same directory on every run, so seeding is idempotent by slug. Pure.
 */
import { z } from 'zod';
import clustersFile from '../../../../reference-data/clusters.json' with { type: 'json' };
import type { cluster, clusterFact, person } from '../directory.schema.ts';
import type { ClusterStage, MembershipRole, OrganisationType } from '../directory.vocabulary.ts';
import { materialCode } from '../reference-data.ts';
import { FACT_TRANSLATIONS } from './fact-translations.ts';
import { generateOrganisation, type OrganisationRow, placeOfCity, slugOf, TYPE_WEIGHTS } from './organisation-generator.ts';
import { createRandom, type Random, seedFrom } from './random.ts';
import { type City, COUNTRY_WORDS, CRAFTS, type CraftKey, type Phrase } from './words.ts';

const clustersFileSchema = z.object({
  clusters: z.array(
    z.object({
      slug: z.string(),
      country: z.string().length(2),
      subsector: z.string(),
      materials: z.array(z.string()),
      name: z.object({ en: z.string(), fr: z.string(), ar: z.string() }),
      city: z.object({ en: z.string(), fr: z.string(), ar: z.string() }),
      lat: z.number(),
      lon: z.number(),
      facts: z.array(z.object({ en: z.string(), source: z.url() })),
    }),
  ),
});

export type RealCluster = z.infer<typeof clustersFileSchema>['clusters'][number];

/** The 14 real clusters as shipped. */
export function realClusters(): RealCluster[] {
  return clustersFileSchema.parse(clustersFile).clusters;
}

/** A real institution named by a cluster's sources: only what the source says (name, type, city). */
interface RealInstitution {
  slug: string;
  name: Phrase;
  sourceLocale: 'ar' | 'fr' | 'en';
  type: OrganisationType;
  city: City;
  role: MembershipRole;
}

interface ClusterPlan {
  craft: CraftKey;
  /** Localities workshops are named after, besides the city. */
  places: readonly Phrase[];
  institutions?: readonly RealInstitution[];
}

const place = (fr: string, en: string, ar: string): Phrase => ({ fr, en, ar });

const CITY = {
  batna: { name: { fr: 'Batna', en: 'Batna', ar: 'باتنة' }, latitude: 35.556, longitude: 6.174 },
  bethlehem: { name: { fr: 'Bethléem', en: 'Bethlehem', ar: 'بيت لحم' }, latitude: 31.705, longitude: 35.2 },
  nabeul: { name: { fr: 'Nabeul', en: 'Nabeul', ar: 'نابل' }, latitude: 36.456, longitude: 10.737 },
  tunis: { name: { fr: 'Tunis', en: 'Tunis', ar: 'تونس' }, latitude: 36.806, longitude: 10.181 },
} satisfies Record<string, City>;

const CLUSTER_PLANS: Readonly<Record<string, ClusterPlan>> = {
  'batna-jewellery': {
    craft: 'jewellery',
    places: [place('des Aurès', 'of the Aurès', 'الأوراس'), place('de Timgad', 'of Timgad', 'تيمقاد')],
    institutions: [
      {
        slug: 'chambre-artisanat-metiers-batna',
        name: {
          fr: "Chambre de l'artisanat et des métiers de Batna",
          en: 'Chamber of Crafts and Trades of Batna',
          ar: 'غرفة الصناعة التقليدية والحرف لولاية باتنة',
        },
        sourceLocale: 'fr',
        type: 'chamber',
        city: CITY.batna,
        role: 'anchor',
      },
    ],
  },
  'constantine-copperware': {
    craft: 'copperware',
    places: [place('de Souika', 'of Souika', 'السويقة'), place('du Rhumel', 'of the Rhumel', 'الرمال')],
  },
  'cairo-leather': {
    craft: 'leather',
    places: [
      place('de Magra el-Oyoun', 'of Magra el-Oyoun', 'مجرى العيون'),
      place('de Khan el-Khalili', 'of Khan el-Khalili', 'خان الخليلي'),
    ],
  },
  'cairo-home-decor-design': {
    craft: 'interiors',
    places: [place('de Zamalek', 'of Zamalek', 'الزمالك'), place('de Maadi', 'of Maadi', 'المعادي')],
  },
  'amman-fashion': {
    craft: 'fashion',
    places: [place('de Jabal Amman', 'of Jabal Amman', 'جبل عمّان'), place('de Weibdeh', 'of Weibdeh', 'اللويبدة')],
  },
  'amman-ceramics': {
    craft: 'ceramics',
    places: [place('de Weibdeh', 'of Weibdeh', 'اللويبدة'), place('de Madaba', 'of Madaba', 'مادبا')],
  },
  'tripoli-furniture': {
    craft: 'furniture',
    places: [place("d'El Mina", 'of El Mina', 'الميناء'), place('de Bab el-Tebbaneh', 'of Bab al-Tabbaneh', 'باب التبانة')],
  },
  'bourj-hammoud-jewellery': {
    craft: 'jewellery',
    places: [place("de la rue d'Arménie", 'of Armenia Street', 'شارع أرمينيا'), place('de Marash', 'of Marash', 'مرعش')],
  },
  'casablanca-home-textile': {
    craft: 'textile',
    places: [place('des Habous', 'of the Habous', 'الأحباس'), place('de Derb Ghallef', 'of Derb Ghallef', 'درب غلف')],
  },
  'marrakech-creative-interiors': {
    craft: 'interiors',
    places: [place('de Sidi Ghanem', 'of Sidi Ghanem', 'سيدي غانم'), place('de la Médina', 'of the Medina', 'المدينة العتيقة')],
  },
  'bethlehem-treasures': {
    craft: 'oliveWood',
    places: [place('de Beit Sahour', 'of Beit Sahour', 'بيت ساحور'), place('de Beit Jala', 'of Beit Jala', 'بيت جالا')],
    institutions: [
      {
        slug: 'bethlehem-chamber-of-commerce-and-industry',
        name: {
          en: 'Bethlehem Chamber of Commerce and Industry',
          fr: "Chambre de commerce et d'industrie de Bethléem",
          ar: 'الغرفة التجارية الصناعية في بيت لحم',
        },
        sourceLocale: 'en',
        type: 'chamber',
        city: CITY.bethlehem,
        role: 'anchor',
      },
    ],
  },
  'nablus-furniture': {
    craft: 'furniture',
    places: [place('de la vieille ville', 'of the Old City', 'البلدة القديمة'), place('de Rafidia', 'of Rafidia', 'رفيديا')],
  },
  'el-jem-mosaic': {
    craft: 'mosaic',
    places: [place('de Thysdrus', 'of Thysdrus', 'تيسدروس'), place("de l'amphithéâtre", 'of the Amphitheatre', 'المسرح الأثري')],
    institutions: [
      {
        slug: 'office-national-de-l-artisanat-tunisie',
        name: { fr: "Office national de l'artisanat", en: 'National Crafts Office of Tunisia', ar: 'الديوان الوطني للصناعات التقليدية' },
        sourceLocale: 'fr',
        type: 'ministry-agency',
        city: CITY.tunis,
        role: 'support-institution',
      },
    ],
  },
  'nabeul-tableware': {
    craft: 'tableware',
    places: [place('du Cap Bon', 'of Cap Bon', 'الوطن القبلي'), place('de Dar Chaâbane', 'of Dar Chaabane', 'دار شعبان')],
    institutions: [
      {
        slug: 'association-art-de-la-table-de-nabeul',
        name: { fr: 'Association Art de la table de Nabeul', en: 'Nabeul Art of the Table Association', ar: 'جمعية فن المائدة بنابل' },
        sourceLocale: 'fr',
        type: 'association',
        city: CITY.nabeul,
        role: 'anchor',
      },
    ],
  },
};

export const DEMO_ORGANISATION_SLUG = 'demo-organisation';
export const DEMO_ORGANISATION_CLUSTER = 'el-jem-mosaic';
export const SYNTHETIC_PER_CLUSTER = { min: 10, max: 40 } as const;

export type ClusterRow = typeof cluster.$inferInsert;
export type ClusterFactRow = Omit<typeof clusterFact.$inferInsert, 'clusterId'> & { clusterSlug: string };
export type PersonRow = Omit<typeof person.$inferInsert, 'organisationId'> & { organisationSlug: string };

export interface DemoMembership {
  clusterSlug: string;
  organisationSlug: string;
  role: MembershipRole;
}

export interface DemoDirectory {
  clusters: ClusterRow[];
  facts: ClusterFactRow[];
  organisations: OrganisationRow[];
  memberships: DemoMembership[];
  /** The anchor organisation of each cluster. */
  anchors: { clusterSlug: string; organisationSlug: string }[];
  people: PersonRow[];
}

/** Clusters with published evidence of activity are implementing; the others were selected and no more is known. */
function stageOf(realCluster: RealCluster): ClusterStage {
  return realCluster.facts.length > 0 ? 'implementing' : 'selected';
}

function realInstitutionRow(realCluster: RealCluster, institution: RealInstitution): OrganisationRow {
  return {
    slug: institution.slug,
    name: institution.name,
    sourceLocale: institution.sourceLocale,
    type: institution.type,
    countryIso2: realCluster.country,
    city: institution.city.name,
    latitude: institution.city.latitude,
    longitude: institution.city.longitude,
    subsectorCodes: [realCluster.subsector],
    status: 'published',
    isDemo: false,
  };
}

const JOB_TITLES: Readonly<Record<'woman' | 'man', readonly Phrase[]>> = {
  woman: [
    { fr: 'Gérante', en: 'Managing director', ar: 'مديرة' },
    { fr: 'Fondatrice', en: 'Founder', ar: 'مؤسِّسة' },
    { fr: 'Designer', en: 'Designer', ar: 'مصمِّمة' },
    { fr: 'Maître artisane', en: 'Master craftswoman', ar: 'معلّمة حرفية' },
  ],
  man: [
    { fr: 'Gérant', en: 'Managing director', ar: 'مدير' },
    { fr: 'Fondateur', en: 'Founder', ar: 'مؤسِّس' },
    { fr: 'Designer', en: 'Designer', ar: 'مصمِّم' },
    { fr: 'Maître artisan', en: 'Master craftsman', ar: 'معلّم حرفي' },
  ],
};

/**
 * A person's name in a country's naming style (in Arabic script for two in five where Arabic
 * comes first), with the Latin spelling for building an address. Also used by other modules'
 * demo data (the demo workshops' participants).
 */
export function pickDemoName(
  random: Random,
  countryIso2: string,
  gender: 'woman' | 'man',
): { fullName: string; given: string; family: string } {
  const words = COUNTRY_WORDS[countryIso2]!;
  const given = random.pick(words.givenNames.filter((name) => name.gender === gender));
  const family = random.pick(words.familyNames);
  const inArabic = words.nameLanguages[0] === 'ar' && random.chance(0.4);
  return { fullName: inArabic ? `${given.ar} ${family.ar}` : `${given.latin} ${family.latin}`, given: given.latin, family: family.latin };
}

function demoPerson(random: Random, countryIso2: string, organisation: OrganisationRow, womenLed: boolean): PersonRow {
  const gender = womenLed || random.chance(0.3) ? 'woman' : 'man';
  const { fullName, given, family } = pickDemoName(random, countryIso2, gender);
  return {
    organisationSlug: organisation.slug,
    fullName,
    jobTitle: random.pick(JOB_TITLES[gender]),
    gender,
    email: random.chance(0.5) ? `${slugOf(given)}.${slugOf(family)}@${organisation.slug}.example` : null,
    listedConsent: random.chance(0.5),
    isDemo: true,
  };
}

/** The organisation of the demo `organisation_admin` account (scope id `demo-organisation`). */
function demoOrganisationRow(): OrganisationRow {
  return {
    slug: DEMO_ORGANISATION_SLUG,
    name: { fr: 'Atelier Zitouna de mosaïque', en: 'Zitouna Mosaic Workshop', ar: 'ورشة الزيتونة للفسيفساء' },
    description: {
      fr: "Reproductions de mosaïques romaines et tables en mosaïque, à El Jem depuis 2012. L'organisation du compte de démonstration.",
      en: 'Roman mosaic reproductions and mosaic tables, in El Jem since 2012. The organisation of the demo account.',
      ar: 'نسخ من الفسيفساء الرومانية وطاولات من الفسيفساء، في الجم منذ 2012. مؤسسة الحساب التجريبي.',
    },
    sourceLocale: 'fr',
    type: 'enterprise',
    sizeClass: 'micro',
    foundedYear: 2012,
    countryIso2: 'TN',
    city: { fr: 'El Jem', en: 'El Jem', ar: 'الجم' },
    latitude: 35.299,
    longitude: 10.712,
    subsectorCodes: ['heritage'],
    materialCodes: ['mosaic', 'marble'],
    products: {
      fr: 'reproductions de mosaïques romaines, tables en mosaïque',
      en: 'Roman mosaic reproductions, mosaic tables',
      ar: 'نسخ من الفسيفساء الرومانية، طاولات من الفسيفساء',
    },
    markets: ['local', 'national', 'europe'],
    valueChainRoles: ['production', 'design'],
    workingLanguages: ['ar', 'fr', 'en'],
    staffTotal: 6,
    staffWomen: 3,
    staffMen: 3,
    womenLed: false,
    address: 'Rue de l’Amphithéâtre, El Jem',
    email: `contact@${DEMO_ORGANISATION_SLUG}.example`,
    phone: '+216 73 000 000',
    contactConsent: true,
    links: [{ kind: 'website', url: `https://${DEMO_ORGANISATION_SLUG}.example` }],
    status: 'published',
    isDemo: true,
  };
}

function membershipRoleOf(type: OrganisationType): MembershipRole {
  if (type === 'support-institution' || type === 'training-university') return 'support-institution';
  if (type === 'buyer' || type === 'financial-institution') return 'partner';
  return 'member';
}

export function buildDemoDirectory(): DemoDirectory {
  const directory: DemoDirectory = { clusters: [], facts: [], organisations: [], memberships: [], anchors: [], people: [] };
  const taken = new Set<string>();
  const claim = (slug: string) => {
    taken.add(slug);
    return slug;
  };

  for (const realCluster of realClusters()) {
    const plan = CLUSTER_PLANS[realCluster.slug];
    const words = COUNTRY_WORDS[realCluster.country];
    if (!plan || !words) throw new Error(`No demo plan for the cluster ${realCluster.slug}`);
    const random = createRandom(seedFrom(realCluster.slug));
    const city: City = { name: realCluster.city, latitude: realCluster.lat, longitude: realCluster.lon };
    const clusterMaterials = realCluster.materials;

    directory.clusters.push({
      slug: realCluster.slug,
      name: realCluster.name,
      sourceLocale: 'en',
      countryIso2: realCluster.country,
      city: realCluster.city,
      latitude: realCluster.lat,
      longitude: realCluster.lon,
      subsectorCode: realCluster.subsector,
      materialCodes: clusterMaterials.map(materialCode),
      stage: stageOf(realCluster),
      isDemo: false,
    });
    realCluster.facts.forEach((fact, position) => {
      const translations = FACT_TRANSLATIONS[fact.source];
      if (!translations) throw new Error(`The fact sourced at ${fact.source} has no French and Arabic translations`);
      directory.facts.push({ clusterSlug: realCluster.slug, text: { en: fact.en, ...translations }, sourceUrl: fact.source, position });
    });

    for (const institution of plan.institutions ?? []) {
      directory.organisations.push(realInstitutionRow(realCluster, institution));
      claim(institution.slug);
      directory.memberships.push({ clusterSlug: realCluster.slug, organisationSlug: institution.slug, role: institution.role });
      if (institution.role === 'anchor') directory.anchors.push({ clusterSlug: realCluster.slug, organisationSlug: institution.slug });
    }

    const hasRealAnchor = (plan.institutions ?? []).some((institution) => institution.role === 'anchor');
    const count = random.int(SYNTHETIC_PER_CLUSTER.min, SYNTHETIC_PER_CLUSTER.max - 1);
    // An exact share (30 to 50%) per cluster keeps the whole directory's share in range too.
    const womenLedShare = 0.3 + random.next() * 0.2;
    const womenLedIndexes = new Set(random.sample([...Array(count).keys()], Math.round(count * womenLedShare)));
    const craft = CRAFTS[plan.craft];
    const slugFor = (latinName: string) => {
      const base = slugOf(latinName);
      const citySlug = slugOf(realCluster.city.en);
      const withCity = base.endsWith(citySlug) ? base : `${base}-${citySlug}`;
      for (const candidate of [base, withCity]) if (!taken.has(candidate)) return claim(candidate);
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      return claim(`${base}-${n}`);
    };

    for (let index = 0; index < count; index++) {
      const isAnchor = index === 0 && !hasRealAnchor;
      const type: OrganisationType = isAnchor ? 'support-institution' : random.weighted(TYPE_WEIGHTS);
      const placeOfName = random.chance(0.5) ? placeOfCity(city) : random.pick(plan.places);
      const generated = generateOrganisation(
        random,
        { country: words, city, craft, place: placeOfName, materials: clusterMaterials },
        { type, womenLed: womenLedIndexes.has(index), slugFor },
      );
      directory.organisations.push(generated.row);
      directory.memberships.push({
        clusterSlug: realCluster.slug,
        organisationSlug: generated.row.slug,
        role: isAnchor ? 'anchor' : membershipRoleOf(type),
      });
      if (isAnchor) directory.anchors.push({ clusterSlug: realCluster.slug, organisationSlug: generated.row.slug });
      // A few people per cluster, about half of them consenting to be listed.
      if (index < 3) directory.people.push(demoPerson(random, realCluster.country, generated.row, generated.womenLed));
    }

    if (realCluster.slug === DEMO_ORGANISATION_CLUSTER) {
      directory.organisations.push(demoOrganisationRow());
      claim(DEMO_ORGANISATION_SLUG);
      directory.memberships.push({ clusterSlug: realCluster.slug, organisationSlug: DEMO_ORGANISATION_SLUG, role: 'member' });
    }
  }
  return directory;
}
