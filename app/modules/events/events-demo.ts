/**
 * The demo events (issue 5, item 9): the programme's eight thematic workshops, each gathering the
 * clusters of one craft family across borders to agree on common challenges and training needs,
 * and the regional workshop that spreads best practices. The programme's own workshops were held
 * in 2015-2017; the demo places them in 2026, all held (participants, attendance and, from the
 * needs module, their outputs), and adds one upcoming event, an export training in 2027 (full,
 * with a waiting line), so a demo installation shows a live calendar too. Everything is marked
 * demo. Pure: definitions and the deterministic choice of participants.
 */
import { createRandom, pickDemoName, seedFrom } from '#app/modules/directory/index.ts';
import type { Translatable } from '#app/shared/db/columns.ts';
import type { EventType } from './events.schema.ts';

export interface DemoSession {
  /** Day of the event, 0-based. */
  day: number;
  /** Local wall time at the venue, `HH:MM`. */
  from: string;
  to: string;
  title: Translatable;
  room?: string;
  languages: string[];
  interpretation: string[];
}

export interface DemoEvent {
  slug: string;
  type: EventType;
  /** Clusters gathered, by slug; the first hosts it for a cluster workshop, none hosts a programme event. */
  clusters: readonly string[];
  countryIso2: string;
  city: Translatable;
  venueName: Translatable;
  timeZone: string;
  /** First day, local date at the venue. */
  startsOn: string;
  days: number;
  title: Translatable;
  description: Translatable;
  capacity: number;
  /** How many of the candidates register (the rest of the seats stay free, or the line waits). */
  registrants: number;
  /** Whether it is over: attendance is recorded for past events only. */
  held: boolean;
}

const themeTitle = (fr: string, en: string, ar: string): Translatable => ({
  fr: `Atelier thématique : ${fr}`,
  en: `Thematic workshop: ${en}`,
  ar: `ورشة عمل موضوعية: ${ar}`,
});

const themeDescription = (fr: string, en: string, ar: string): Translatable => ({
  fr: `Les clusters ${fr} se retrouvent pour comparer leurs défis, s'accorder sur les défis communs et les besoins de formation, et voter leurs priorités.`,
  en: `The ${en} clusters meet to compare their challenges, agree on common challenges and training needs, and vote on their priorities.`,
  ar: `تلتقي عناقيد ${ar} لمقارنة تحدياتها والاتفاق على التحديات المشتركة والاحتياجات التدريبية والتصويت على أولوياتها.`,
});

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    slug: 'demo-jewellery-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['batna-jewellery', 'bourj-hammoud-jewellery'],
    countryIso2: 'LB',
    city: { fr: 'Beyrouth', en: 'Beirut', ar: 'بيروت' },
    venueName: { fr: 'Maison de l’artisan', en: 'Artisans’ House', ar: 'بيت الحرفي' },
    timeZone: 'Asia/Beirut',
    startsOn: '2026-03-17',
    days: 2,
    title: themeTitle('bijouterie', 'jewellery', 'المجوهرات'),
    description: themeDescription('de bijouterie', 'jewellery', 'المجوهرات'),
    capacity: 30,
    registrants: 24,
    held: true,
  },
  {
    slug: 'demo-leather-fashion-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['cairo-leather', 'amman-fashion'],
    countryIso2: 'EG',
    city: { fr: 'Le Caire', en: 'Cairo', ar: 'القاهرة' },
    venueName: { fr: 'Centre de design du Caire', en: 'Cairo Design Centre', ar: 'مركز القاهرة للتصميم' },
    timeZone: 'Africa/Cairo',
    startsOn: '2026-04-21',
    days: 2,
    title: themeTitle('cuir et mode', 'leather and fashion', 'الجلود والأزياء'),
    description: themeDescription('du cuir et de la mode', 'leather and fashion', 'الجلود والأزياء'),
    capacity: 30,
    registrants: 26,
    held: true,
  },
  {
    slug: 'demo-furniture-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['tripoli-furniture', 'nablus-furniture'],
    countryIso2: 'LB',
    city: { fr: 'Tripoli', en: 'Tripoli', ar: 'طرابلس' },
    venueName: { fr: 'Chambre de commerce de Tripoli', en: 'Tripoli Chamber of Commerce', ar: 'غرفة تجارة طرابلس' },
    timeZone: 'Asia/Beirut',
    startsOn: '2026-05-12',
    days: 2,
    title: themeTitle('meuble et bois', 'furniture and woodwork', 'الأثاث والخشب'),
    description: themeDescription('du meuble', 'furniture', 'الأثاث'),
    capacity: 30,
    registrants: 22,
    held: true,
  },
  {
    slug: 'demo-ceramics-tableware-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['amman-ceramics', 'nabeul-tableware'],
    countryIso2: 'TN',
    city: { fr: 'Nabeul', en: 'Nabeul', ar: 'نابل' },
    venueName: { fr: 'Centre technique de la céramique', en: 'Ceramics Technical Centre', ar: 'المركز الفني للخزف' },
    timeZone: 'Africa/Tunis',
    startsOn: '2026-06-09',
    days: 2,
    title: themeTitle('céramique et arts de la table', 'ceramics and tableware', 'الخزف وأدوات المائدة'),
    description: themeDescription('de la céramique', 'ceramics and tableware', 'الخزف وأدوات المائدة'),
    capacity: 30,
    registrants: 25,
    held: true,
  },
  {
    slug: 'demo-home-textile-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['casablanca-home-textile', 'cairo-home-decor-design'],
    countryIso2: 'MA',
    city: { fr: 'Casablanca', en: 'Casablanca', ar: 'الدار البيضاء' },
    venueName: { fr: 'Maison de l’artisanat', en: 'House of Crafts', ar: 'دار الصناعة التقليدية' },
    timeZone: 'Africa/Casablanca',
    startsOn: '2026-07-07',
    days: 2,
    title: themeTitle('textile de maison', 'home textiles', 'المنسوجات المنزلية'),
    description: themeDescription('du textile de maison', 'home textile', 'المنسوجات المنزلية'),
    capacity: 30,
    registrants: 21,
    held: true,
  },
  {
    slug: 'demo-interiors-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['marrakech-creative-interiors', 'cairo-home-decor-design', 'bethlehem-treasures'],
    countryIso2: 'MA',
    city: { fr: 'Marrakech', en: 'Marrakesh', ar: 'مراكش' },
    venueName: { fr: 'Palais des congrès', en: 'Congress Palace', ar: 'قصر المؤتمرات' },
    timeZone: 'Africa/Casablanca',
    startsOn: '2026-09-15',
    days: 2,
    title: themeTitle('décoration et aménagement intérieur', 'interiors and home decor', 'الديكور والتصميم الداخلي'),
    description: themeDescription('de la décoration intérieure', 'interiors and home decor', 'الديكور الداخلي'),
    capacity: 35,
    registrants: 28,
    held: true,
  },
  {
    slug: 'demo-metal-crafts-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['constantine-copperware', 'nabeul-tableware'],
    countryIso2: 'DZ',
    city: { fr: 'Constantine', en: 'Constantine', ar: 'قسنطينة' },
    venueName: { fr: 'Chambre de l’artisanat de Constantine', en: 'Constantine Chamber of Crafts', ar: 'غرفة الصناعة التقليدية بقسنطينة' },
    timeZone: 'Africa/Algiers',
    startsOn: '2026-10-06',
    days: 2,
    title: themeTitle('dinanderie et métal', 'copperware and metal crafts', 'النحاسيات والمعادن'),
    description: themeDescription('de la dinanderie', 'copperware', 'النحاسيات'),
    capacity: 30,
    registrants: 20,
    held: true,
  },
  {
    slug: 'demo-heritage-crafts-workshop-2026',
    type: 'thematic-workshop',
    clusters: ['el-jem-mosaic', 'bethlehem-treasures'],
    countryIso2: 'TN',
    city: { fr: 'El Jem', en: 'El Jem', ar: 'الجم' },
    venueName: { fr: 'Musée d’El Jem', en: 'El Jem Museum', ar: 'متحف الجم' },
    timeZone: 'Africa/Tunis',
    startsOn: '2026-10-27',
    days: 2,
    title: themeTitle('artisanat patrimonial et mosaïque', 'heritage crafts and mosaic', 'الحرف التراثية والفسيفساء'),
    description: themeDescription('de l’artisanat patrimonial', 'heritage crafts', 'الحرف التراثية'),
    capacity: 30,
    registrants: 19,
    held: true,
  },
  {
    slug: 'demo-regional-workshop-2026',
    type: 'regional-workshop',
    clusters: [
      'batna-jewellery',
      'constantine-copperware',
      'cairo-leather',
      'cairo-home-decor-design',
      'amman-fashion',
      'amman-ceramics',
      'tripoli-furniture',
      'bourj-hammoud-jewellery',
      'casablanca-home-textile',
      'marrakech-creative-interiors',
      'bethlehem-treasures',
      'nablus-furniture',
      'el-jem-mosaic',
      'nabeul-tableware',
    ],
    countryIso2: 'TN',
    city: { fr: 'Tunis', en: 'Tunis', ar: 'تونس' },
    venueName: { fr: 'Cité de la culture', en: 'City of Culture', ar: 'مدينة الثقافة' },
    timeZone: 'Africa/Tunis',
    startsOn: '2026-11-10',
    days: 2,
    title: {
      fr: 'Atelier régional : diffuser les bonnes pratiques des clusters',
      en: 'Regional workshop: spreading the clusters’ best practices',
      ar: 'ورشة العمل الإقليمية: نشر الممارسات الجيدة للعناقيد',
    },
    description: {
      fr: 'Les quatorze clusters présentent ce qui a marché, comparent les priorités issues des ateliers thématiques et préparent la suite.',
      en: 'The fourteen clusters present what worked, compare the priorities the thematic workshops agreed on and plan what comes next.',
      ar: 'تعرض العناقيد الأربعة عشر ما نجح، وتقارن الأولويات التي اتفقت عليها ورش العمل الموضوعية، وتخطط للمرحلة المقبلة.',
    },
    capacity: 60,
    registrants: 58,
    held: true,
  },
  {
    slug: 'demo-export-training-2027',
    type: 'training',
    clusters: ['amman-fashion', 'amman-ceramics', 'cairo-leather'],
    countryIso2: 'JO',
    city: { fr: 'Amman', en: 'Amman', ar: 'عمّان' },
    venueName: { fr: 'Centre jordanien du design', en: 'Jordan Design Centre', ar: 'مركز التصميم الأردني' },
    timeZone: 'Asia/Amman',
    startsOn: '2027-03-09',
    days: 1,
    title: {
      fr: 'Formation : vendre à l’export en ligne',
      en: 'Training: selling abroad online',
      ar: 'تدريب: البيع للخارج عبر الإنترنت',
    },
    description: {
      fr: 'Une journée pour préparer une boutique en ligne, fixer des prix à l’export et expédier à l’étranger.',
      en: 'One day to prepare an online shop, price for export and ship abroad.',
      ar: 'يوم لإعداد متجر إلكتروني وتسعير المنتجات للتصدير والشحن إلى الخارج.',
    },
    capacity: 25,
    registrants: 32,
    held: false,
  },
];

export const DEMO_EVENT_SLUGS: readonly string[] = DEMO_EVENTS.map((e) => e.slug);

/** The agenda of a demo event: the same shape for every workshop, in the venue's local time. */
export function demoSessions(demo: DemoEvent): DemoSession[] {
  const all = ['ar', 'fr', 'en'];
  const workshop: DemoSession[] = [
    {
      day: 0,
      from: '09:00',
      to: '10:00',
      title: {
        fr: 'Ouverture et présentation des clusters',
        en: 'Opening and the clusters’ introductions',
        ar: 'الافتتاح وتقديم العناقيد',
      },
      room: 'A',
      languages: ['ar', 'fr'],
      interpretation: ['en'],
    },
    {
      day: 0,
      from: '10:30',
      to: '12:30',
      title: { fr: 'Défis communs : travail en groupes', en: 'Common challenges: group work', ar: 'التحديات المشتركة: عمل في مجموعات' },
      room: 'B',
      languages: ['ar', 'fr'],
      interpretation: [],
    },
    {
      day: 0,
      from: '14:00',
      to: '16:00',
      title: { fr: 'Besoins de formation', en: 'Training needs', ar: 'الاحتياجات التدريبية' },
      room: 'B',
      languages: ['ar'],
      interpretation: ['fr', 'en'],
    },
    {
      day: 1,
      from: '09:00',
      to: '11:00',
      title: { fr: 'Vote des priorités', en: 'Voting on priorities', ar: 'التصويت على الأولويات' },
      room: 'A',
      languages: all,
      interpretation: [],
    },
    {
      day: 1,
      from: '11:30',
      to: '13:00',
      title: { fr: 'Décisions et suites à donner', en: 'Decisions and follow-up', ar: 'القرارات والمتابعة' },
      room: 'A',
      languages: ['ar', 'fr'],
      interpretation: ['en'],
    },
  ];
  if (demo.type === 'training') {
    return [
      {
        day: 0,
        from: '09:30',
        to: '12:30',
        title: { fr: 'Boutique en ligne et prix à l’export', en: 'Online shop and export prices', ar: 'المتجر الإلكتروني وأسعار التصدير' },
        room: 'Lab',
        languages: ['ar'],
        interpretation: ['fr', 'en'],
      },
      {
        day: 0,
        from: '13:30',
        to: '16:00',
        title: { fr: 'Expédier à l’étranger', en: 'Shipping abroad', ar: 'الشحن إلى الخارج' },
        room: 'Lab',
        languages: ['ar', 'en'],
        interpretation: [],
      },
    ];
  }
  if (demo.type !== 'regional-workshop') return workshop;
  return [
    {
      day: 0,
      from: '09:00',
      to: '10:30',
      title: { fr: 'Ouverture', en: 'Opening', ar: 'الافتتاح' },
      room: 'Auditorium',
      languages: ['ar', 'fr'],
      interpretation: ['en'],
    },
    {
      day: 0,
      from: '11:00',
      to: '13:00',
      title: { fr: 'Bonnes pratiques des clusters', en: 'The clusters’ best practices', ar: 'الممارسات الجيدة للعناقيد' },
      room: 'Auditorium',
      languages: all,
      interpretation: ['ar', 'fr', 'en'],
    },
    {
      day: 1,
      from: '09:30',
      to: '12:00',
      title: { fr: 'Priorités régionales', en: 'Regional priorities', ar: 'الأولويات الإقليمية' },
      room: 'Salle 2',
      languages: ['ar', 'fr'],
      interpretation: ['en'],
    },
  ];
}

/** A demo organisation of a gathered cluster, with its demo person when the directory names one. */
export interface DemoCandidate {
  organisationId: string;
  womenLed: boolean;
  countryIso2: string;
  cluster: string;
  person: { id: string; name: string; gender: string | null } | null;
}

export interface DemoRegistration {
  organisationId: string;
  personId: string | null;
  name: string;
  gender: string | null;
  countryIso2: string;
  /** Position in arrival order, 0-based. */
  order: number;
  status: 'confirmed' | 'waiting' | 'cancelled';
  attended: boolean;
  consentListed: boolean;
  consentPhotographed: boolean;
  locale: 'ar' | 'fr' | 'en';
}

/**
 * Who registers for a demo event and what happened: one participant per organisation, drawn in a
 * stable order (the clusters alternate, so each is represented), its directory person when there
 * is one, else a name in its country's style (a woman for most women-led firms, gender left
 * undeclared by one in ten); confirmed up to capacity, then waiting; one in twelve cancelled; at a
 * held event about four in five of those confirmed attended.
 */
export function demoRegistrations(demo: DemoEvent, candidates: readonly DemoCandidate[]): DemoRegistration[] {
  const random = createRandom(seedFrom(demo.slug));
  const byCluster = new Map<string, DemoCandidate[]>();
  for (const c of candidates) byCluster.set(c.cluster, [...(byCluster.get(c.cluster) ?? []), c]);
  const queues = [...byCluster.values()].map((list) => random.shuffle(list));
  const chosen: DemoCandidate[] = [];
  const seen = new Set<string>();
  while (chosen.length < demo.registrants && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && !seen.has(next.organisationId) && chosen.length < demo.registrants) {
        seen.add(next.organisationId);
        chosen.push(next);
      }
    }
  }
  let seats = demo.capacity;
  return chosen.map((candidate, order) => {
    const gender = candidate.womenLed || random.chance(0.3) ? 'woman' : 'man';
    const generated = pickDemoName(random, candidate.countryIso2, gender);
    const cancelled = random.chance(1 / 12);
    const status = cancelled ? 'cancelled' : seats > 0 ? 'confirmed' : 'waiting';
    if (status === 'confirmed') seats -= 1;
    const arabicFirst = candidate.countryIso2 === 'JO' || candidate.countryIso2 === 'EG' || candidate.countryIso2 === 'PS';
    const locale = arabicFirst ? 'ar' : random.pick(['ar', 'fr'] as const);
    const undeclared = random.chance(0.1);
    return {
      organisationId: candidate.organisationId,
      personId: candidate.person?.id ?? null,
      name: candidate.person?.name ?? generated.fullName,
      gender: candidate.person ? candidate.person.gender : undeclared ? null : gender,
      countryIso2: candidate.countryIso2,
      order,
      status,
      attended: demo.held && status === 'confirmed' && random.chance(0.8),
      consentListed: random.chance(0.75),
      consentPhotographed: random.chance(0.6),
      locale,
    };
  });
}
