/**
 * The challenge taxonomy shipped with Mosaic (issue 4): the twelve themes the programme tags
 * diagnostics, survey answers and priorities with, in programme order. Seeded once per code;
 * staff edit names afterwards, so these texts are only a starting point. Pure data.
 */
import type { Translatable } from '#app/shared/db/columns.ts';

export interface ShippedTheme {
  code: string;
  name: Translatable;
  description: Translatable;
}

export const SHIPPED_CHALLENGE_THEMES: readonly ShippedTheme[] = [
  {
    code: 'access-to-finance',
    name: { ar: 'الوصول إلى التمويل', fr: 'Accès au financement', en: 'Access to finance' },
    description: {
      ar: 'القروض والمنح والاستثمار ورأس المال العامل للمؤسسات والتعاونيات.',
      fr: 'Crédit, subventions, investissement et fonds de roulement pour les entreprises et les coopératives.',
      en: 'Credit, grants, investment and working capital for enterprises and cooperatives.',
    },
  },
  {
    code: 'markets-and-buyers',
    name: { ar: 'الأسواق والمشترون', fr: 'Marchés et acheteurs', en: 'Markets and buyers' },
    description: {
      ar: 'الوصول إلى الزبائن والمشترين وأسواق التصدير داخل البلد وخارجه.',
      fr: 'Atteindre les clients, les acheteurs et les marchés d’exportation, dans le pays et à l’étranger.',
      en: 'Reaching customers, buyers and export markets, at home and abroad.',
    },
  },
  {
    code: 'design-and-product-development',
    name: { ar: 'التصميم وتطوير المنتجات', fr: 'Design et développement de produits', en: 'Design and product development' },
    description: {
      ar: 'تصاميم جديدة وجودة المنتجات وتكييفها مع الطلب.',
      fr: 'Nouveaux modèles, qualité des produits et adaptation à la demande.',
      en: 'New designs, product quality and adapting products to demand.',
    },
  },
  {
    code: 'skills-and-training',
    name: { ar: 'المهارات والتدريب', fr: 'Compétences et formation', en: 'Skills and training' },
    description: {
      ar: 'المهارات الحرفية والتقنية والإدارية، والتلمذة المهنية ونقل المعارف.',
      fr: 'Compétences artisanales, techniques et de gestion, apprentissage et transmission des savoir-faire.',
      en: 'Craft, technical and business skills, apprenticeships and passing on know-how.',
    },
  },
  {
    code: 'raw-materials-and-supply',
    name: { ar: 'المواد الخام والتزوّد', fr: 'Matières premières et approvisionnement', en: 'Raw materials and supply' },
    description: {
      ar: 'تكلفة المواد الخام ومستلزمات الإنتاج وجودتها وتوفّرها.',
      fr: 'Coût, qualité et disponibilité des matières premières et des intrants.',
      en: 'Cost, quality and availability of raw materials and inputs.',
    },
  },
  {
    code: 'technology-and-equipment',
    name: { ar: 'التكنولوجيا والتجهيزات', fr: 'Technologie et équipements', en: 'Technology and equipment' },
    description: {
      ar: 'الأدوات والآلات والتكنولوجيا الرقمية للإنتاج والتسيير.',
      fr: 'Outils, machines et technologies numériques pour la production et la gestion.',
      en: 'Tools, machines and digital technology for production and management.',
    },
  },
  {
    code: 'regulation-standards-and-certification',
    name: {
      ar: 'التشريعات والمعايير وإصدار الشهادات',
      fr: 'Réglementation, normes et certification',
      en: 'Regulation, standards and certification',
    },
    description: {
      ar: 'القوانين ومعايير الجودة والشهادات، مثل دمغ المصوغات الذهبية والفضية.',
      fr: 'Règles, normes de qualité et certification, le poinçonnage des bijoux par exemple.',
      en: 'Rules, quality standards and certification, hallmarking for example.',
    },
  },
  {
    code: 'intellectual-property-and-counterfeiting',
    name: { ar: 'الملكية الفكرية والتقليد', fr: 'Propriété intellectuelle et contrefaçon', en: 'Intellectual property and counterfeiting' },
    description: {
      ar: 'حماية التصاميم والعلامات التجارية والمؤشرات الجغرافية من التقليد.',
      fr: 'Protection des modèles, des marques et des indications géographiques contre les copies.',
      en: 'Protecting designs, trademarks and geographical indications against copies.',
    },
  },
  {
    code: 'cooperation-and-trust',
    name: { ar: 'التعاون والثقة', fr: 'Coopération et confiance', en: 'Cooperation and trust' },
    description: {
      ar: 'العمل المشترك داخل العنقود ومع المؤسسات.',
      fr: 'Travailler ensemble au sein du cluster et avec les institutions.',
      en: 'Working together within the cluster and with institutions.',
    },
  },
  {
    code: 'infrastructure',
    name: { ar: 'البنية التحتية', fr: 'Infrastructures', en: 'Infrastructure' },
    description: {
      ar: 'الورشات والمقرات والنقل والطاقة والاتصال بالإنترنت.',
      fr: 'Ateliers, locaux, transport, énergie et connexion à Internet.',
      en: 'Workshops, premises, transport, energy and internet access.',
    },
  },
  {
    code: 'marketing-and-branding',
    name: { ar: 'التسويق وبناء العلامة التجارية', fr: 'Marketing et image de marque', en: 'Marketing and branding' },
    description: {
      ar: 'الترويج والبيع عبر الإنترنت والتغليف والعلامة المشتركة.',
      fr: 'Promotion, vente en ligne, emballage et marque collective.',
      en: 'Promotion, online sales, packaging and a shared brand.',
    },
  },
  {
    code: 'women-specific-barriers',
    name: { ar: 'العوائق الخاصة بالنساء', fr: 'Obstacles propres aux femmes', en: 'Barriers specific to women' },
    description: {
      ar: 'العوائق التي تواجهها النساء في الوصول إلى الموارد والأسواق والتنقّل وصنع القرار.',
      fr: 'Obstacles que rencontrent les femmes pour accéder aux ressources, aux marchés, à la mobilité et à la décision.',
      en: 'Obstacles women face in reaching resources, markets, mobility and decision-making.',
    },
  },
];
