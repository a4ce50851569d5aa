/** A small needs survey used by the form engine's unit tests: every question type, conditions on pages and questions. */
import { type FormDefinition, formDefinitionSchema } from './forms.contracts.ts';

export const needsSurvey: FormDefinition = formDefinitionSchema.parse({
  code: 'needs-survey',
  title: { en: 'Needs survey', fr: 'Enquête sur les besoins', ar: 'استبيان الاحتياجات' },
  pages: [
    {
      code: 'about',
      sections: [
        {
          code: 'organisation',
          title: { en: 'Your organisation', fr: 'Votre organisation', ar: 'مؤسستك' },
          questions: [
            { code: 'org-name', type: 'short-text', label: { en: 'Name', fr: 'Nom', ar: 'الاسم' }, required: true, maxLength: 20 },
            {
              code: 'org-size',
              type: 'single-choice',
              label: { en: 'Size', fr: 'Taille', ar: 'الحجم' },
              required: true,
              options: [
                { code: 'micro', label: { en: 'Micro', fr: 'Micro', ar: 'صغيرة جدًا' } },
                { code: 'small', label: { en: 'Small', fr: 'Petite', ar: 'صغيرة' } },
                { code: 'large', label: { en: 'Large', fr: 'Grande', ar: 'كبيرة' } },
              ],
              other: { label: { en: 'Other, please say', fr: 'Autre, précisez', ar: 'غير ذلك، يرجى التحديد' } },
            },
            { code: 'employees', type: 'number', label: { en: 'Employees', fr: 'Salariés' }, integer: true, min: 0, max: 100000 },
            { code: 'founded', type: 'date', label: { en: 'Founded on' }, min: '1900-01-01', max: '2026-12-31' },
          ],
        },
      ],
    },
    {
      code: 'challenges',
      sections: [
        {
          code: 'faced',
          questions: [
            {
              code: 'challenges',
              type: 'multiple-choice',
              label: { en: 'Challenges faced', fr: 'Difficultés rencontrées', ar: 'التحديات' },
              required: true,
              maxSelections: 3,
              options: [
                { code: 'finance', label: { en: 'Access to finance', fr: 'Accès au financement' } },
                { code: 'markets', label: { en: 'Markets and buyers', fr: 'Marchés et acheteurs' } },
                { code: 'skills', label: { en: 'Skills', fr: 'Compétences' } },
              ],
              other: { label: { en: 'Other', fr: 'Autre' } },
            },
          ],
        },
      ],
    },
    {
      code: 'finance',
      showIf: { op: 'includes', question: 'challenges', value: 'finance' },
      sections: [
        {
          code: 'finance-needs',
          questions: [
            { code: 'loan-amount', type: 'number', label: { en: 'Amount needed' }, min: 0 },
            { code: 'finance-detail', type: 'long-text', label: { en: 'What holds you back?' }, required: true, maxLength: 50 },
          ],
        },
      ],
    },
    {
      code: 'training',
      sections: [
        {
          code: 'topics',
          questions: [
            {
              code: 'priorities',
              type: 'ranking',
              label: { en: 'Rank these topics' },
              options: [
                { code: 'design', label: { en: 'Design' } },
                { code: 'marketing', label: { en: 'Marketing' } },
                { code: 'export', label: { en: 'Export' } },
              ],
            },
            {
              code: 'formats',
              type: 'matrix',
              label: { en: 'Preferred format', fr: 'Format préféré' },
              required: true,
              rows: [
                { code: 'design', label: { en: 'Design', fr: 'Design' } },
                { code: 'marketing', label: { en: 'Marketing', fr: 'Marketing' } },
              ],
              columns: [
                { code: 'online', label: { en: 'Online', fr: 'En ligne' } },
                { code: 'workshop', label: { en: 'Workshop', fr: 'Atelier' } },
              ],
            },
            { code: 'satisfaction', type: 'scale', label: { en: 'Satisfaction' }, min: 0, max: 10, step: 2 },
          ],
        },
      ],
    },
    {
      code: 'evidence',
      showIf: {
        op: 'all',
        conditions: [
          { op: 'notEquals', question: 'org-size', value: 'micro' },
          { op: 'not', condition: { op: 'lt', question: 'employees', value: 5 } },
        ],
      },
      sections: [
        {
          code: 'documents',
          questions: [
            {
              code: 'report',
              type: 'file',
              label: { en: 'Annual report' },
              required: true,
              accept: ['application/pdf', 'image/*'],
              maxBytes: 1_000_000,
            },
          ],
        },
      ],
    },
  ],
});

/** Answers that fill every page of `needsSurvey` and are valid. */
export const completeAnswers = {
  'org-name': 'Atelier Zellige',
  'org-size': 'small',
  employees: 12,
  founded: '2010-05-31',
  challenges: ['finance', { other: 'Electricity cuts' }],
  'loan-amount': 20000,
  'finance-detail': 'Banks ask for collateral.',
  priorities: ['export', 'design', 'marketing'],
  formats: { design: 'workshop', marketing: 'online' },
  satisfaction: 6,
  report: { name: 'report.pdf', mediaType: 'application/pdf', size: 52_000 },
};
