/**
 * The ready-made needs survey (issue 4, item 4): a form of the form engine (decision 0011) asking
 * a cluster's members, in Arabic, French and English, which challenges hold them back and how
 * badly, which support services they want, and which training they need in which format, with
 * their own gender and their organisation's size kept for disaggregation. Built from the current
 * challenge themes, so a theme staff add is asked in the next survey; the codes of the questions
 * and options are stable, and `surveyEvidence` turns a response into the records the priority
 * synthesis reads (synthesis/evidence.ts). Pure: no I/O.
 *
 * Labels are the form's own content (a form carries its trilingual labels, decision 0011), not UI
 * catalog strings: a manager may reword them in the builder without touching the codes.
 */
import type { FormAnswers, FormDefinition, FormOption, FormQuestion, FormText } from '#app/modules/forms/index.ts';
import {
  GENDERS,
  type Gender,
  type Respondent,
  type Severity,
  SIZE_CLASSES,
  type SizeClass,
  type SurveyMention,
  type SurveyResponse,
} from './synthesis/evidence.ts';
import type { TrainingRequest } from './synthesis/training-catalogue.ts';

/** The codes of the survey's questions: what exports, the synthesis and later versions rely on. */
export const NEEDS_SURVEY_QUESTIONS = {
  gender: 'respondent-gender',
  size: 'organisation-size',
  challenges: 'challenges',
  severity: 'challenge-severity',
  support: 'support-services',
  training: 'training-needs',
  comments: 'comments',
} as const;

/** "None of these": answers the challenges question without naming a theme (still a respondent). */
export const NO_CHALLENGE = 'none';
/** The training format column for "any format" (no preference). */
export const ANY_FORMAT = 'any-format';

interface Labelled {
  code: string;
  label: FormText;
}

const GENDER_LABELS: Record<Gender, FormText> = {
  woman: { ar: 'امرأة', fr: 'Femme', en: 'Woman' },
  man: { ar: 'رجل', fr: 'Homme', en: 'Man' },
  another: { ar: 'هوية أخرى', fr: 'Autre identité', en: 'Another identity' },
  undisclosed: { ar: 'أفضّل عدم الإجابة', fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' },
};

const SIZE_LABELS: Record<SizeClass, FormText> = {
  micro: { ar: 'مؤسسة صغرى (أقل من 10 أشخاص)', fr: 'Micro (moins de 10 personnes)', en: 'Micro (under 10 people)' },
  small: { ar: 'صغيرة (من 10 إلى 49 شخصًا)', fr: 'Petite (10 à 49 personnes)', en: 'Small (10 to 49 people)' },
  medium: { ar: 'متوسطة (من 50 إلى 249 شخصًا)', fr: 'Moyenne (50 à 249 personnes)', en: 'Medium (50 to 249 people)' },
  large: { ar: 'كبيرة (250 شخصًا فأكثر)', fr: 'Grande (250 personnes ou plus)', en: 'Large (250 people or more)' },
};

/** Severity on the synthesis's scale, 1 (minor) to 4 (critical): the column codes are the numbers. */
export const SEVERITY_COLUMNS: readonly Labelled[] = [
  { code: '1', label: { ar: 'بسيط', fr: 'Mineur', en: 'Minor' } },
  { code: '2', label: { ar: 'متوسط', fr: 'Modéré', en: 'Moderate' } },
  { code: '3', label: { ar: 'خطير', fr: 'Sérieux', en: 'Serious' } },
  { code: '4', label: { ar: 'حرج', fr: 'Critique', en: 'Critical' } },
];

export const SUPPORT_SERVICES: readonly Labelled[] = [
  { code: 'finance', label: { ar: 'الوصول إلى التمويل', fr: 'Accès au financement', en: 'Access to finance' } },
  { code: 'trade-fairs', label: { ar: 'المشاركة في المعارض', fr: 'Participation aux salons', en: 'Taking part in trade fairs' } },
  {
    code: 'b2b',
    label: {
      ar: 'لقاءات أعمال مع مشترين وشركاء',
      fr: 'Rencontres B2B avec acheteurs et partenaires',
      en: 'B2B meetings with buyers and partners',
    },
  },
  { code: 'design', label: { ar: 'مرافقة في التصميم', fr: 'Accompagnement en design', en: 'Design support' } },
  {
    code: 'certification',
    label: { ar: 'دعم المطابقة والشهادات', fr: 'Appui aux normes et à la certification', en: 'Standards and certification support' },
  },
  { code: 'equipment', label: { ar: 'معدات مشتركة', fr: 'Équipements partagés', en: 'Shared equipment' } },
  {
    code: 'legal',
    label: {
      ar: 'استشارة قانونية وملكية فكرية',
      fr: 'Conseil juridique et propriété intellectuelle',
      en: 'Legal and intellectual property advice',
    },
  },
  { code: 'mentoring', label: { ar: 'إرشاد من رواد الأعمال', fr: 'Mentorat par des entrepreneurs', en: 'Mentoring by entrepreneurs' } },
];

export const TRAINING_TOPICS: readonly Labelled[] = [
  {
    code: 'product-design',
    label: { ar: 'التصميم وتطوير المنتجات', fr: 'Design et développement de produits', en: 'Design and product development' },
  },
  { code: 'export', label: { ar: 'التصدير والأسواق الخارجية', fr: 'Export et marchés extérieurs', en: 'Export and foreign markets' } },
  {
    code: 'digital-marketing',
    label: { ar: 'التسويق الرقمي والتجارة الإلكترونية', fr: 'Marketing numérique et e-commerce', en: 'Digital marketing and e-commerce' },
  },
  { code: 'pricing', label: { ar: 'حساب التكاليف والتسعير', fr: 'Coûts et fixation des prix', en: 'Costing and pricing' } },
  {
    code: 'quality',
    label: { ar: 'الجودة والمعايير والدمغ', fr: 'Qualité, normes et poinçonnage', en: 'Quality, standards and hallmarking' },
  },
  { code: 'ip', label: { ar: 'الملكية الفكرية', fr: 'Propriété intellectuelle', en: 'Intellectual property' } },
  {
    code: 'management',
    label: { ar: 'إدارة المؤسسة والمالية', fr: "Gestion d'entreprise et finances", en: 'Business management and finance' },
  },
  {
    code: 'craft-skills',
    label: { ar: 'المهارات الحرفية والتقنية', fr: 'Savoir-faire artisanal et technique', en: 'Craft and technical skills' },
  },
  { code: 'branding', label: { ar: 'العلامة التجارية والتغليف', fr: 'Marque et emballage', en: 'Branding and packaging' } },
];

export const TRAINING_FORMATS: readonly Labelled[] = [
  { code: 'workshop', label: { ar: 'ورشة حضورية', fr: 'Atelier en présentiel', en: 'In-person workshop' } },
  { code: 'online', label: { ar: 'دورة عن بعد', fr: 'Cours en ligne', en: 'Online course' } },
  { code: 'coaching', label: { ar: 'مرافقة فردية', fr: 'Accompagnement individuel', en: 'One-to-one coaching' } },
  { code: 'study-visit', label: { ar: 'زيارة ميدانية', fr: "Voyage d'étude", en: 'Study visit' } },
  { code: ANY_FORMAT, label: { ar: 'أي صيغة', fr: 'Peu importe', en: 'Any format' } },
];

/** A challenge theme as the survey asks it: its stable code and trilingual name. */
export interface SurveyTheme {
  code: string;
  name: FormText;
}

const options = (items: readonly Labelled[]): FormOption[] => items.map(({ code, label }) => ({ code, label }));

function question(page: string, questions: FormQuestion[], title: FormText, showIf?: FormDefinition['pages'][number]['showIf']) {
  return { code: page, title, ...(showIf ? { showIf } : {}), sections: [{ code: `${page}-questions`, questions }] };
}

/**
 * The survey's definition for these themes (the challenge taxonomy's current, unarchived ones, in
 * their order). The severity page shows once the challenges question names at least one theme.
 */
export function needsSurveyDefinition(code: string, title: FormText, themes: readonly SurveyTheme[]): FormDefinition {
  const q = NEEDS_SURVEY_QUESTIONS;
  const themeOptions = themes.map((theme) => ({ code: theme.code, label: theme.name }));
  return {
    code,
    title,
    description: {
      ar: 'يساعدنا هذا الاستبيان على معرفة ما يعيق مجموعتكم وما تحتاجونه من دعم وتكوين. تبقى إجاباتكم سرية ولا تُنشر إلا في أرقام مجمّعة.',
      fr: 'Ce questionnaire nous aide à savoir ce qui freine votre cluster et de quels appuis et formations vous avez besoin. Vos réponses restent confidentielles et ne sont publiées que sous forme de chiffres agrégés.',
      en: 'This survey helps us learn what holds your cluster back and which support and training you need. Your answers stay confidential and are only published as aggregated figures.',
    },
    pages: [
      question(
        'about',
        [
          {
            code: q.gender,
            type: 'single-choice',
            label: { ar: 'أنتم', fr: 'Vous êtes', en: 'You are' },
            help: {
              ar: 'لقياس النتائج حسب النوع الاجتماعي. اختياري.',
              fr: 'Pour mesurer les résultats selon le genre. Facultatif.',
              en: 'To measure results by gender. Optional.',
            },
            options: GENDERS.map((gender) => ({ code: gender, label: GENDER_LABELS[gender] })),
          },
          {
            code: q.size,
            type: 'single-choice',
            label: { ar: 'حجم مؤسستكم', fr: 'Taille de votre organisation', en: 'Size of your organisation' },
            options: SIZE_CLASSES.map((size) => ({ code: size, label: SIZE_LABELS[size] })),
          },
        ],
        { ar: 'عنكم', fr: 'À propos de vous', en: 'About you' },
      ),
      question(
        'challenges',
        [
          {
            code: q.challenges,
            type: 'multiple-choice',
            required: true,
            label: {
              ar: 'ما التحديات التي تواجهها مؤسستكم اليوم؟',
              fr: 'Quels défis votre organisation rencontre-t-elle aujourd’hui ?',
              en: 'Which challenges does your organisation face today?',
            },
            help: { ar: 'اختاروا كل ما ينطبق.', fr: 'Cochez tout ce qui s’applique.', en: 'Choose all that apply.' },
            options: [
              ...themeOptions,
              { code: NO_CHALLENGE, label: { ar: 'لا شيء مما سبق', fr: 'Aucun de ces défis', en: 'None of these' } },
            ],
          },
        ],
        { ar: 'التحديات', fr: 'Défis', en: 'Challenges' },
      ),
      question(
        'severity',
        [
          {
            code: q.severity,
            type: 'matrix',
            label: {
              ar: 'ما مدى خطورة كل تحدٍّ اخترتموه؟',
              fr: 'Quelle est la gravité de chaque défi choisi ?',
              en: 'How serious is each challenge you chose?',
            },
            help: {
              ar: 'قيّموا فقط التحديات التي اخترتموها، واتركوا الباقي فارغًا.',
              fr: 'N’évaluez que les défis choisis ; laissez les autres vides.',
              en: 'Rate only the challenges you chose; leave the others blank.',
            },
            rows: themeOptions,
            columns: options(SEVERITY_COLUMNS),
          },
        ],
        { ar: 'خطورة التحديات', fr: 'Gravité des défis', en: 'How serious' },
        {
          op: 'all',
          conditions: [
            { op: 'answered', question: q.challenges },
            { op: 'not', condition: { op: 'includes', question: q.challenges, value: NO_CHALLENGE } },
          ],
        },
      ),
      question(
        'support',
        [
          {
            code: q.support,
            type: 'multiple-choice',
            label: {
              ar: 'ما خدمات الدعم التي تحتاجونها؟',
              fr: 'De quels appuis avez-vous besoin ?',
              en: 'Which support services do you need?',
            },
            options: options(SUPPORT_SERVICES),
            other: { label: { ar: 'خدمة أخرى', fr: 'Autre appui', en: 'Another service' } },
          },
          {
            code: q.training,
            type: 'matrix',
            label: {
              ar: 'في أي مواضيع تحتاجون إلى تكوين، وبأي صيغة؟',
              fr: 'Dans quels domaines avez-vous besoin de formation, et sous quelle forme ?',
              en: 'In which topics do you need training, and in which format?',
            },
            help: {
              ar: 'اختاروا صيغة للمواضيع التي تهمكم فقط.',
              fr: 'Choisissez une forme seulement pour les domaines qui vous intéressent.',
              en: 'Choose a format only for the topics you need.',
            },
            rows: options(TRAINING_TOPICS),
            columns: options(TRAINING_FORMATS),
          },
          {
            code: q.comments,
            type: 'long-text',
            maxLength: 2000,
            label: { ar: 'هل تودّون إضافة شيء؟', fr: 'Souhaitez-vous ajouter quelque chose ?', en: 'Anything you would like to add?' },
          },
        ],
        { ar: 'الدعم والتكوين', fr: 'Appuis et formation', en: 'Support and training' },
      ),
    ],
  };
}

/** Who gave a response, as the survey's sender knows it: the cluster and country it was sent for. */
export interface SurveyRespondentContext {
  respondentId: string;
  cluster: string;
  country: string;
}

/** What one response contributes to the synthesis. */
export interface SurveyEvidence {
  /** Null when the challenges question was not answered: not a respondent of the synthesis. */
  response: SurveyResponse | null;
  mentions: SurveyMention[];
  training: TrainingRequest[];
}

const isGender = (value: unknown): value is Gender => typeof value === 'string' && (GENDERS as readonly string[]).includes(value);
const isSize = (value: unknown): value is SizeClass => typeof value === 'string' && (SIZE_CLASSES as readonly string[]).includes(value);

function severityOf(value: unknown): Severity | null {
  const n = Number(value);
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

/**
 * The synthesis's records for one response of the needs survey (its answers as the engine stored
 * them, already valid for their version). Themes are the chosen option codes, "none" excepted; a
 * theme's severity is its row of the severity matrix, null when that row was left blank; a rating
 * of a theme not chosen is ignored. Training requests are the answered rows of the training matrix,
 * "any format" becoming no preference. Mention and request ids are `<response>:<code>`, for the
 * drill-down to the evidence.
 */
export function surveyEvidence(answers: FormAnswers, context: SurveyRespondentContext): SurveyEvidence {
  const q = NEEDS_SURVEY_QUESTIONS;
  const respondent: Respondent = {
    respondentId: context.respondentId,
    cluster: context.cluster,
    country: context.country,
    gender: isGender(answers[q.gender]) ? (answers[q.gender] as Gender) : null,
    size: isSize(answers[q.size]) ? (answers[q.size] as SizeClass) : null,
  };
  const training: TrainingRequest[] = Object.entries((answers[q.training] as Record<string, string> | undefined) ?? {}).map(
    ([topic, format]) => ({
      ...respondent,
      id: `${context.respondentId}:training:${topic}`,
      topic,
      format: format === ANY_FORMAT ? null : format,
    }),
  );
  const chosen = answers[q.challenges];
  if (!Array.isArray(chosen)) return { response: null, mentions: [], training };
  const severity = (answers[q.severity] as Record<string, string> | undefined) ?? {};
  const themes: string[] = [];
  for (const value of chosen) if (typeof value === 'string' && value !== NO_CHALLENGE && !themes.includes(value)) themes.push(value);
  const mentions: SurveyMention[] = themes.map((theme) => ({
    ...respondent,
    id: `${context.respondentId}:challenge:${theme}`,
    theme,
    severity: severityOf(severity[theme]),
  }));
  return { response: respondent, mentions, training };
}
