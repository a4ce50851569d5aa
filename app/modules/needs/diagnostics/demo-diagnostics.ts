/**
 * Demo diagnostics: one endorsed round for eight of the real clusters, in Arabic, French and
 * English, marked demo. The challenges are invented to show the platform and to give the priority
 * synthesis something to combine (themes shared across countries: finance, markets, skills,
 * counterfeiting, women's barriers); they are not the clusters' own findings, and the pages say so.
 * No baseline figures: reference-data/clusters.json forbids inventing figures for real clusters.
 * Deterministic and pure.
 */
import type { Translatable } from '#app/shared/db/columns.ts';
import type { AFFECTED_GROUPS, GENDER_DIMENSIONS, SWOT_KINDS } from './diagnostics.vocabulary.ts';

type Group = (typeof AFFECTED_GROUPS)[number];

/** One text per theme: what the challenge looks like in a crafts cluster. */
const CHALLENGE_TEXTS: Record<string, Translatable> = {
  'access-to-finance': {
    en: 'Workshops cannot borrow to buy stock or equipment: banks ask for collateral that artisans do not have.',
    fr: 'Les ateliers ne peuvent pas emprunter pour acheter stock ou équipement : les banques exigent des garanties que les artisans n’ont pas.',
    ar: 'لا تستطيع الورشات الاقتراض لشراء المخزون أو المعدات، إذ تطلب البنوك ضمانات لا يملكها الحرفيون.',
  },
  'markets-and-buyers': {
    en: 'Sales depend on tourists and a few intermediaries; few firms reach buyers abroad or online.',
    fr: 'Les ventes dépendent des touristes et de quelques intermédiaires ; peu d’entreprises atteignent des acheteurs à l’étranger ou en ligne.',
    ar: 'تعتمد المبيعات على السياح وعدد قليل من الوسطاء، وقليل من المؤسسات يصل إلى مشترين في الخارج أو عبر الإنترنت.',
  },
  'skills-and-training': {
    en: 'Masters are ageing and apprentices leave for better-paid work; no training mixes the craft with design and management.',
    fr: 'Les maîtres artisans vieillissent et les apprentis partent vers des emplois mieux payés ; aucune formation n’associe le métier au design et à la gestion.',
    ar: 'يتقدم الحرفيون المعلّمون في السن ويغادر المتدربون نحو أعمال أفضل أجرًا، ولا يوجد تكوين يجمع بين الحرفة والتصميم والتسيير.',
  },
  'raw-materials-and-supply': {
    en: 'Raw materials are bought in small lots at high prices, with irregular quality.',
    fr: 'Les matières premières sont achetées en petites quantités, à prix élevé et de qualité irrégulière.',
    ar: 'تُشترى المواد الأولية بكميات صغيرة وبأسعار مرتفعة وجودة غير منتظمة.',
  },
  'intellectual-property-and-counterfeiting': {
    en: 'Cheap imitations sold as local work undercut the cluster’s prices and reputation.',
    fr: 'Des imitations bon marché vendues comme production locale cassent les prix et la réputation du cluster.',
    ar: 'تُضعف المقلَّدات الرخيصة التي تُباع على أنها إنتاج محلي أسعارَ العنقود وسمعته.',
  },
  'women-specific-barriers': {
    en: 'Women work from home without being registered, so they reach neither credit nor fairs.',
    fr: 'Les femmes travaillent à domicile sans être déclarées : elles n’accèdent ni au crédit ni aux salons.',
    ar: 'تعمل النساء من البيت دون تسجيل، فلا يصلن إلى القروض ولا إلى المعارض.',
  },
  'design-and-product-development': {
    en: 'Products change little from year to year and rarely follow what buyers ask for.',
    fr: 'Les produits changent peu d’une année à l’autre et suivent rarement les demandes des acheteurs.',
    ar: 'لا تتغير المنتجات كثيرًا من سنة إلى أخرى ونادرًا ما تواكب طلبات المشترين.',
  },
  'cooperation-and-trust': {
    en: 'Firms rarely buy, sell or exhibit together; earlier joint projects ended in disputes.',
    fr: 'Les entreprises achètent, vendent ou exposent rarement ensemble ; les projets communs passés se sont terminés en conflits.',
    ar: 'نادرًا ما تشتري المؤسسات أو تبيع أو تعرض معًا، وقد انتهت المشاريع المشتركة السابقة بخلافات.',
  },
  'regulation-standards-and-certification': {
    en: 'Hallmarking and export certificates take months and cost more than a small workshop earns in a season.',
    fr: 'Le poinçonnage et les certificats d’export prennent des mois et coûtent plus qu’un petit atelier ne gagne en une saison.',
    ar: 'يستغرق الدمغ وشهادات التصدير أشهرًا وتكلف أكثر مما تربحه ورشة صغيرة في موسم.',
  },
};

const GENDER_NOTE: Translatable = {
  en: 'Most home-based workers are women.',
  fr: 'La plupart des travailleurs à domicile sont des femmes.',
  ar: 'معظم العاملين من البيت نساء.',
};

const EVIDENCE: Translatable = {
  en: 'Interviews with members and the validation workshop (demo).',
  fr: 'Entretiens avec les membres et atelier de validation (démo).',
  ar: 'مقابلات مع الأعضاء وورشة المصادقة (عرض توضيحي).',
};

const SWOT_TEXTS: Record<(typeof SWOT_KINDS)[number], Translatable> = {
  strength: {
    en: 'A recognised know-how handed down over generations.',
    fr: 'Un savoir-faire reconnu, transmis depuis des générations.',
    ar: 'مهارة معترف بها متوارثة عبر الأجيال.',
  },
  weakness: {
    en: 'Small workshops with little cash and no shared services.',
    fr: 'De petits ateliers, peu de trésorerie et aucun service partagé.',
    ar: 'ورشات صغيرة بسيولة محدودة ودون خدمات مشتركة.',
  },
  opportunity: {
    en: 'Growing demand for handmade, traceable products in Europe and the Gulf.',
    fr: 'Une demande croissante de produits faits main et traçables en Europe et dans le Golfe.',
    ar: 'طلب متزايد على المنتجات اليدوية القابلة للتتبع في أوروبا والخليج.',
  },
  threat: {
    en: 'Industrial imports copying the cluster’s designs.',
    fr: 'Des importations industrielles qui copient les modèles du cluster.',
    ar: 'واردات صناعية تقلّد تصاميم العنقود.',
  },
};

export interface DemoChallenge {
  themeCode: string;
  severity: 1 | 2 | 3 | 4;
  affectedGroups: Group[];
  genderDimension: (typeof GENDER_DIMENSIONS)[number];
}

export interface DemoDiagnostic {
  cluster: string;
  diagnosedOn: string;
  endorsedBy: { name: string; role: string };
  challenges: DemoChallenge[];
}

const c = (
  themeCode: string,
  severity: DemoChallenge['severity'],
  affectedGroups: Group[] = ['all-members'],
  genderDimension: DemoChallenge['genderDimension'] = 'none',
): DemoChallenge => ({ themeCode, severity, affectedGroups, genderDimension });

const steering = (name: string) => ({ name: `${name} (demo)`, role: 'Steering committee chair' });

export const DEMO_DIAGNOSTICS: readonly DemoDiagnostic[] = [
  {
    cluster: 'el-jem-mosaic',
    diagnosedOn: '2026-03-12',
    endorsedBy: steering('Hédi Ben Salah'),
    challenges: [
      c('access-to-finance', 4, ['micro-firms', 'women-artisans'], 'women-more'),
      c('markets-and-buyers', 3),
      c('skills-and-training', 3, ['youth']),
      c('intellectual-property-and-counterfeiting', 2),
    ],
  },
  {
    cluster: 'nabeul-tableware',
    diagnosedOn: '2026-04-02',
    endorsedBy: steering('Amel Gharbi'),
    challenges: [
      c('raw-materials-and-supply', 3, ['micro-firms', 'small-firms']),
      c('markets-and-buyers', 4, ['exporters']),
      c('design-and-product-development', 2),
    ],
  },
  {
    cluster: 'batna-jewellery',
    diagnosedOn: '2026-02-20',
    endorsedBy: steering('Nassima Boudiaf'),
    challenges: [
      c('regulation-standards-and-certification', 4, ['micro-firms']),
      c('access-to-finance', 3),
      c('women-specific-barriers', 3, ['women-artisans'], 'women-barrier'),
    ],
  },
  {
    cluster: 'cairo-leather',
    diagnosedOn: '2026-05-10',
    endorsedBy: steering('Omar Fathy'),
    challenges: [
      c('raw-materials-and-supply', 4, ['small-firms', 'medium-firms']),
      c('skills-and-training', 3, ['youth', 'informal-workers']),
      c('markets-and-buyers', 2, ['exporters']),
    ],
  },
  {
    cluster: 'amman-ceramics',
    diagnosedOn: '2026-01-28',
    endorsedBy: steering('Rana Haddad'),
    challenges: [
      c('access-to-finance', 3, ['micro-firms']),
      c('cooperation-and-trust', 2),
      c('women-specific-barriers', 3, ['women-artisans'], 'women-barrier'),
    ],
  },
  {
    cluster: 'casablanca-home-textile',
    diagnosedOn: '2026-06-03',
    endorsedBy: steering('Youssef El Idrissi'),
    challenges: [
      c('intellectual-property-and-counterfeiting', 4),
      c('markets-and-buyers', 3, ['exporters']),
      c('skills-and-training', 2, ['youth']),
    ],
  },
  {
    cluster: 'bethlehem-treasures',
    diagnosedOn: '2026-03-30',
    endorsedBy: steering('Maria Qumsieh'),
    challenges: [
      c('markets-and-buyers', 4, ['all-members']),
      c('access-to-finance', 3, ['micro-firms', 'women-artisans'], 'women-more'),
      c('raw-materials-and-supply', 2),
    ],
  },
  {
    cluster: 'bourj-hammoud-jewellery',
    diagnosedOn: '2026-04-22',
    endorsedBy: steering('Sevan Kassardjian'),
    challenges: [
      c('access-to-finance', 4, ['micro-firms']),
      c('intellectual-property-and-counterfeiting', 3),
      c('skills-and-training', 3, ['youth']),
    ],
  },
];

/** The rows of one demo diagnostic's contents, with their texts. */
export function demoContents(demo: DemoDiagnostic) {
  return {
    challenges: demo.challenges.map((challenge, sortOrder) => ({
      ...challenge,
      description: CHALLENGE_TEXTS[challenge.themeCode] ?? { en: challenge.themeCode },
      sourceLocale: 'en',
      genderNote: challenge.genderDimension === 'none' ? null : GENDER_NOTE,
      evidence: EVIDENCE,
      sortOrder,
    })),
    swot: (Object.keys(SWOT_TEXTS) as (keyof typeof SWOT_TEXTS)[]).map((kind, sortOrder) => ({
      kind,
      text: SWOT_TEXTS[kind],
      sourceLocale: 'en',
      sortOrder,
    })),
  };
}

/** Themes the demo texts cover (a test checks every demo challenge uses one). */
export const DEMO_THEMES = Object.keys(CHALLENGE_TEXTS);
