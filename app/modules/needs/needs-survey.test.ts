import { describe, expect, it } from 'vitest';
import { checkFormDefinition, shownPages, validateAnswers } from '#app/modules/forms/index.ts';
import { SHIPPED_CHALLENGE_THEMES } from './challenge-themes.ts';
import { needsSurveyDefinition, NEEDS_SURVEY_QUESTIONS as Q, surveyEvidence, TRAINING_FORMATS, TRAINING_TOPICS } from './needs-survey.ts';
import { buildTrainingCatalogue } from './synthesis/training-catalogue.ts';

const themes = SHIPPED_CHALLENGE_THEMES.map((theme) => ({ code: theme.code, name: theme.name }));
const definition = needsSurveyDefinition('needs-survey-el-jem', { fr: 'Besoins du cluster', en: 'Cluster needs' }, themes);
const context = { respondentId: 'r1', cluster: 'el-jem-mosaic', country: 'TN' };

describe('the needs survey definition', () => {
  it('has no problem for the form engine, and asks every theme, in ar, fr and en', () => {
    expect(checkFormDefinition(definition)).toEqual([]);
    const challenges = definition.pages[1]!.sections[0]!.questions[0]!;
    expect(challenges.type === 'multiple-choice' && challenges.options.map((option) => option.code)).toEqual([
      ...themes.map((theme) => theme.code),
      'none',
    ]);
    const labels = definition.pages.flatMap((page) =>
      page.sections.flatMap((section) => section.questions.map((question) => question.label)),
    );
    for (const label of labels) expect(Object.keys(label).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it('asks how serious the challenges are only once at least one theme is chosen', () => {
    const pages = (answers: Record<string, unknown>) => shownPages(definition, answers as never).map((page) => page.code);
    expect(pages({ [Q.challenges]: ['access-to-finance'] })).toContain('severity');
    expect(pages({ [Q.challenges]: ['none'] })).not.toContain('severity');
    expect(pages({})).not.toContain('severity');
  });

  it('accepts a full answer and refuses a severity or a format that is not offered', () => {
    const theme = themes[0]!.code;
    const good = validateAnswers(definition, {
      [Q.gender]: 'woman',
      [Q.size]: 'micro',
      [Q.challenges]: [theme],
      [Q.severity]: { [theme]: '4' },
      [Q.training]: { export: 'online' },
    });
    expect(good.errors).toEqual([]);
    const bad = validateAnswers(definition, {
      [Q.challenges]: [theme],
      [Q.severity]: { [theme]: '5' },
      [Q.training]: { export: 'by-pigeon' },
    });
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((error) => error.question).sort()).toEqual([Q.severity, Q.training].sort());
    expect(validateAnswers(definition, {}).errors.map((error) => error.question)).toContain(Q.challenges);
  });

  it('offers every training topic and format', () => {
    const training = definition.pages[3]!.sections[0]!.questions.find((question) => question.code === Q.training)!;
    expect(training.type === 'matrix' && training.rows.length).toBe(TRAINING_TOPICS.length);
    expect(training.type === 'matrix' && training.columns.length).toBe(TRAINING_FORMATS.length);
  });
});

describe('surveyEvidence', () => {
  it('turns chosen themes into mentions with their severity, null where the row was left blank', () => {
    const evidence = surveyEvidence(
      {
        [Q.gender]: 'woman',
        [Q.size]: 'small',
        [Q.challenges]: ['access-to-finance', 'markets-and-buyers'],
        [Q.severity]: { 'access-to-finance': '3', 'skills-and-training': '4' },
      },
      context,
    );
    expect(evidence.response).toEqual({ ...context, gender: 'woman', size: 'small' });
    expect(evidence.mentions.map(({ theme, severity, id }) => ({ theme, severity, id }))).toEqual([
      { theme: 'access-to-finance', severity: 3, id: 'r1:challenge:access-to-finance' },
      // Rated nowhere: named with no severity. the skills theme was rated but not chosen: ignored.
      { theme: 'markets-and-buyers', severity: null, id: 'r1:challenge:markets-and-buyers' },
    ]);
  });

  it('counts "none of these" as a respondent naming nothing, and a skipped question as no respondent', () => {
    expect(surveyEvidence({ [Q.challenges]: ['none'] }, context)).toEqual({
      response: { ...context, gender: null, size: null },
      mentions: [],
      training: [],
    });
    expect(surveyEvidence({ [Q.gender]: 'man' }, context).response).toBeNull();
  });

  it('turns the training matrix into requests the catalogue counts, "any format" as no preference', () => {
    const evidence = surveyEvidence(
      { [Q.gender]: 'undisclosed', [Q.challenges]: ['none'], [Q.training]: { export: 'online', pricing: 'any-format' } },
      context,
    );
    expect(evidence.training.map(({ topic, format, gender }) => ({ topic, format, gender }))).toEqual([
      { topic: 'export', format: 'online', gender: 'undisclosed' },
      { topic: 'pricing', format: null, gender: 'undisclosed' },
    ]);
    const catalogue = buildTrainingCatalogue(evidence.training);
    expect(catalogue.map((topic) => topic.topic).sort()).toEqual(['export', 'pricing']);
  });
});
