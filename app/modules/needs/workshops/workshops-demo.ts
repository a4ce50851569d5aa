/**
 * Demo workshop outputs (issue 5, item 9), pure and deterministic: for each held demo workshop,
 * four challenges (markets and finance at every workshop, so the comparison shows recurrence,
 * and two themes that vary), two training needs, and three dots per confirmed participant. The
 * texts are invented to show the platform, written as a facilitator would note them, in the
 * workshop's working language (French, Arabic, English in turn).
 */
type Locale = 'ar' | 'fr' | 'en';

const TEXTS: Record<string, Record<Locale, string>> = {
  'markets-and-buyers': {
    en: 'We sell to tourists and two intermediaries; nobody here has met a buyer from abroad.',
    fr: 'Nous vendons aux touristes et à deux intermédiaires ; personne ici n’a rencontré d’acheteur étranger.',
    ar: 'نبيع للسياح ولوسيطين فقط، ولم يلتقِ أحد منا بمشترٍ من الخارج.',
  },
  'access-to-finance': {
    en: 'Banks ask for collateral we do not have, so we cannot buy stock ahead of orders.',
    fr: 'Les banques demandent des garanties que nous n’avons pas : impossible d’acheter du stock avant les commandes.',
    ar: 'تطلب البنوك ضمانات لا نملكها، فلا نستطيع شراء المخزون قبل الطلبيات.',
  },
  'design-and-product-development': {
    en: 'Our designs have not changed in years; buyers ask for new collections every season.',
    fr: 'Nos modèles n’ont pas changé depuis des années ; les acheteurs veulent une collection par saison.',
    ar: 'لم تتغير تصاميمنا منذ سنوات، بينما يطلب المشترون مجموعات جديدة كل موسم.',
  },
  'skills-and-training': {
    en: 'Apprentices leave after a year; no course mixes the craft with pricing and management.',
    fr: 'Les apprentis partent au bout d’un an ; aucune formation n’associe le métier, les prix et la gestion.',
    ar: 'يغادر المتدربون بعد سنة، ولا يوجد تكوين يجمع بين الحرفة والتسعير والتسيير.',
  },
  'raw-materials-and-supply': {
    en: 'Each workshop buys small lots at retail prices; buying together would cut costs.',
    fr: 'Chaque atelier achète de petites quantités au prix de détail ; acheter ensemble réduirait les coûts.',
    ar: 'تشتري كل ورشة كميات صغيرة بسعر التجزئة، والشراء المشترك سيخفض التكاليف.',
  },
  'intellectual-property-and-counterfeiting': {
    en: 'Imported copies of our pieces are sold in the souk as local work at half our price.',
    fr: 'Des copies importées de nos pièces se vendent au souk comme production locale, à moitié prix.',
    ar: 'تُباع نسخ مستوردة من قطعنا في السوق على أنها صناعة محلية بنصف سعرنا.',
  },
  'marketing-and-branding': {
    en: 'We have no shared label or story to tell buyers what makes our work different.',
    fr: 'Nous n’avons ni label commun ni récit pour dire aux acheteurs ce qui distingue notre travail.',
    ar: 'ليست لدينا علامة مشتركة ولا قصة نعرّف بها المشترين بما يميز عملنا.',
  },
  'women-specific-barriers': {
    en: 'Women artisans work from home and cannot travel to fairs without support for childcare.',
    fr: 'Les artisanes travaillent à domicile et ne peuvent aller aux salons sans aide pour la garde des enfants.',
    ar: 'تعمل الحرفيات من المنزل ولا يستطعن السفر إلى المعارض دون دعم لرعاية الأطفال.',
  },
};

const VARYING = [
  'design-and-product-development',
  'skills-and-training',
  'raw-materials-and-supply',
  'intellectual-property-and-counterfeiting',
  'marketing-and-branding',
  'women-specific-barriers',
] as const;

const TRAINING: { topic: string; format: string; text: Record<Locale, string> }[] = [
  {
    topic: 'export',
    format: 'workshop',
    text: { en: 'Preparing a first export order', fr: 'Préparer une première commande à l’export', ar: 'التحضير لأول طلبية تصدير' },
  },
  {
    topic: 'digital-marketing',
    format: 'online',
    text: { en: 'Selling on marketplaces', fr: 'Vendre sur les places de marché en ligne', ar: 'البيع عبر المنصات الإلكترونية' },
  },
  {
    topic: 'pricing',
    format: 'coaching',
    text: {
      en: 'Costing a piece before quoting',
      fr: 'Calculer le coût d’une pièce avant de chiffrer',
      ar: 'حساب كلفة القطعة قبل تقديم السعر',
    },
  },
  {
    topic: 'product-design',
    format: 'study-visit',
    text: { en: 'Visiting a design studio', fr: 'Visite d’un studio de design', ar: 'زيارة استوديو تصميم' },
  },
];

const LOCALES: readonly Locale[] = ['fr', 'ar', 'en'];

export interface DemoOutputsPlan {
  locale: Locale;
  challenges: { themeCode: string; description: string }[];
  trainingNeeds: { topic: string; format: string; description: string }[];
}

/** The outputs of the `index`-th held demo workshop (themes unknown to the taxonomy are left out). */
export function demoOutputsPlan(index: number, activeThemes: readonly string[]): DemoOutputsPlan {
  const locale = LOCALES[index % LOCALES.length]!;
  const themes = ['markets-and-buyers', 'access-to-finance', VARYING[index % VARYING.length]!, VARYING[(index + 2) % VARYING.length]!];
  return {
    locale,
    challenges: themes.filter((t) => activeThemes.includes(t)).map((themeCode) => ({ themeCode, description: TEXTS[themeCode]![locale] })),
    trainingNeeds: [TRAINING[index % TRAINING.length]!, TRAINING[(index + 1) % TRAINING.length]!].map((t) => ({
      topic: t.topic,
      format: t.format,
      description: t.text[locale],
    })),
  };
}

/**
 * Three dots for the `voter`-th participant over `challenges` challenges, by a fixed pattern that
 * favours the workshop's own themes in some workshops and markets in others (index of challenge
 * to dots).
 */
export function demoDots(workshop: number, voter: number, challenges: number): Record<number, number> {
  if (challenges === 0) return {};
  const dots: Record<number, number> = {};
  const picks = [(workshop + voter) % challenges, (workshop * 3 + voter * 2 + 1) % challenges, voter % 2 === 0 ? 0 : 2 % challenges];
  for (const p of picks) dots[p] = (dots[p] ?? 0) + 1;
  return dots;
}
