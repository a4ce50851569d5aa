import { describe, expect, it } from 'vitest';
import { type FormQuestion, formDefinitionSchema } from '#app/modules/forms/index.ts';
import { answerLines, fieldsKeepingFiles, introPath, pagePath, removeFileField } from './answering.ts';

const definition = formDefinitionSchema.parse({
  code: 'f',
  title: { en: 'F' },
  pages: [
    {
      code: 'p',
      sections: [
        {
          code: 's',
          questions: [
            { code: 'report', type: 'file', label: { en: 'Report' }, accept: ['application/pdf'], maxBytes: 1000 },
            {
              code: 'size',
              type: 'single-choice',
              label: { en: 'Size', ar: 'الحجم' },
              options: [{ code: 'micro', label: { en: 'Micro', ar: 'صغيرة جدًا' } }],
              other: { label: { en: 'Other' } },
            },
            {
              code: 'rank',
              type: 'ranking',
              label: { en: 'Rank' },
              options: [
                { code: 'a', label: { en: 'A' } },
                { code: 'b', label: { fr: 'B fr' } },
              ],
            },
            {
              code: 'grid',
              type: 'matrix',
              label: { en: 'Grid' },
              rows: [{ code: 'r', label: { en: 'Row' } }],
              columns: [{ code: 'c', label: { en: 'Col' } }],
            },
            { code: 'when', type: 'date', label: { en: 'When' } },
            { code: 'count', type: 'number', label: { en: 'Count' } },
          ],
        },
      ],
    },
  ],
});
const questions = definition.pages[0]?.sections[0]?.questions as FormQuestion[];
const q = (code: string) => questions.find((question) => question.code === code) as FormQuestion;
const stored = { report: { name: 'old.pdf', mediaType: 'application/pdf', size: 10 } };
const empty = { name: '', type: 'application/octet-stream', size: 0 };

describe('answering pages', () => {
  it('keeps assisted entry in the address', () => {
    expect(introPath('ar', 'survey')).toBe('/ar/forms/survey');
    expect(pagePath('fr', 'survey', 'new', 'about', 'user 1')).toBe('/fr/forms/survey/respond/new/about?for=user%201');
  });

  it('keeps a file already given when the page is sent again without a new one', () => {
    expect(
      fieldsKeepingFiles(
        [
          ['report', empty],
          ['size', 'micro'],
        ],
        questions,
        stored,
      ),
    ).toEqual([
      ['size', 'micro'],
      ['report', { name: 'old.pdf', type: 'application/pdf', size: 10 }],
    ]);
  });

  it('replaces it with a new file, and drops it when "remove" is ticked', () => {
    const fresh = { name: 'new.pdf', type: 'application/pdf', size: 20 };
    expect(fieldsKeepingFiles([['report', fresh]], questions, stored)).toEqual([['report', fresh]]);
    expect(
      fieldsKeepingFiles(
        [
          ['report', empty],
          [removeFileField('report'), '1'],
        ],
        questions,
        stored,
      ),
    ).toEqual([[removeFileField('report'), '1']]);
    expect(fieldsKeepingFiles([['report', empty]], questions, {})).toEqual([]);
  });

  it('reads stored answers in the reader’s language, with labels and the fallback language', () => {
    expect(answerLines(q('size'), 'micro', 'ar')).toEqual(['صغيرة جدًا']);
    expect(answerLines(q('size'), { other: 'Coop' }, 'en')).toEqual(['Coop']);
    expect(answerLines(q('rank'), ['b', 'a'], 'en')).toEqual(['1. B fr', '2. A']);
    expect(answerLines(q('grid'), { r: 'c' }, 'en')).toEqual(['Row: Col']);
    expect(answerLines(q('when'), '2026-03-05', 'en')).toEqual(['March 5, 2026']);
    expect(answerLines(q('count'), 1200.5, 'fr')).toEqual([new Intl.NumberFormat('fr').format(1200.5)]);
    expect(answerLines(q('report'), stored.report, 'en')).toEqual(['old.pdf']);
    expect(answerLines(q('count'), undefined, 'en')).toEqual([]);
  });
});
