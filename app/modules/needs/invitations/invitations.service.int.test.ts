/**
 * Sending needs surveys on a real database (PGlite or PostgreSQL) with mail over a real SMTP test
 * server: recipients of a cluster and of a directory view (duplicates skipped, never twice), the
 * policy (a member and a cluster manager outside their cluster refused), answering through the
 * personal link without an account (stored, attributed, submitted once), reminders only to those
 * who have not answered (now and scheduled), and the tally equal to a recount with invitation
 * answers to a country survey.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { runJobsOnce } from '#app/shared/jobs/index.ts';
import { type SmtpTestServer, startSmtpTestServer } from '#app/shared/mail/testing/smtp-test-server.ts';
import { addMember, insertCluster, insertOrganisation, insertPerson } from '#tests/factories/directory.ts';
import { insertUserWithRole, outcomeCode } from '#tests/factories/users.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes } from '../needs.service.server.ts';
import { createNeedsSurvey } from '../needs-survey.service.server.ts';
import { NEEDS_SURVEY_QUESTIONS as Q } from '../needs-survey.ts';
import { getPriorities } from '../priorities.service.server.ts';
import {
  getSurveyInvitationStatus,
  listMySurveyInvitations,
  openSurveyInvitation,
  remindSurveyInvitations,
  revokeSurveyInvitation,
  saveSurveyInvitationPage,
  sendSurveyInvitations,
  submitSurveyInvitation,
} from './invitations.service.server.ts';
import { RECOUNTED_TALLY, STORED_TALLY } from './tally-recount.testing.ts';

describe('sending needs surveys', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let smtp: SmtpTestServer;
  let staff: UserActor;
  let manager: UserActor;
  let member: UserActor;

  /** Delivers queued mail and returns the messages received since the last call, by recipient. */
  async function deliver(): Promise<Map<string, string>> {
    await runJobsOnce();
    const mails = new Map(smtp.received.map((mail) => [mail.envelope.to[0]!, mail.text ?? '']));
    smtp.received.length = 0;
    return mails;
  }

  const tokenIn = (text: string) => /\/surveys\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

  async function answerThrough(
    token: string,
    answers: { gender?: string; size?: string; challenges: string[]; severity?: Record<string, string> },
  ) {
    const page = (code: string, fields: [string, string][]) =>
      saveSurveyInvitationPage(anonymous, token, { page: code, fields, locale: 'ar' });
    await page('about', [
      ...(answers.gender ? [[Q.gender, answers.gender] as [string, string]] : []),
      ...(answers.size ? [[Q.size, answers.size] as [string, string]] : []),
    ]);
    await page(
      'challenges',
      answers.challenges.map((theme) => [Q.challenges, theme]),
    );
    if (!answers.challenges.includes('none'))
      await page(
        'severity',
        Object.entries(answers.severity ?? {}).map(([theme, level]) => [`${Q.severity}.${theme}`, level]),
      );
    await page('support', []);
    return submitSurveyInvitation(anonymous, token);
  }

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    setConfig(
      parseConfig({
        NODE_ENV: 'test',
        AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
        MAIL_FROM: 'Mosaic <no-reply@mosaic.test>',
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://mosaic.example.org',
      }),
    );
    await seedRoles(db());
    await seedChallengeThemes(db());
    const medina = await insertCluster(db(), { slug: 'medina-weavers', countryIso2: 'TN' });
    const other = await insertCluster(db(), { slug: 'fes-tanners', countryIso2: 'MA' });
    // Two members of the cluster: one with two people (one of them also listed at the other organisation), one with only its own address.
    const weaver = await insertOrganisation(db(), { slug: 'dar-weaving', countryIso2: 'TN', sizeClass: 'small' });
    const dyer = await insertOrganisation(db(), {
      slug: 'medina-dyes',
      countryIso2: 'TN',
      email: 'Contact@Medina-Dyes.tn',
      sizeClass: 'micro',
    });
    await addMember(db(), medina, weaver);
    await addMember(db(), medina, dyer);
    await insertPerson(db(), { organisationId: weaver.id, fullName: 'Amira Ben Salah', email: 'amira@dar-weaving.tn', gender: 'woman' });
    await insertPerson(db(), { organisationId: weaver.id, fullName: 'Karim Jaziri', email: 'karim@dar-weaving.tn', gender: 'man' });
    await insertPerson(db(), { organisationId: dyer.id, fullName: 'Amira (again)', email: 'AMIRA@dar-weaving.tn' });
    // No address at all: counted apart.
    await addMember(db(), medina, await insertOrganisation(db(), { slug: 'silent-loom', countryIso2: 'TN' }));
    // Outside any cluster, women-led: reached by a directory view.
    const studio = await insertOrganisation(db(), {
      slug: 'sfax-studio',
      countryIso2: 'TN',
      womenLed: true,
      sizeClass: 'medium',
      subsectorCodes: ['fashion'],
    });
    await insertPerson(db(), {
      organisationId: studio.id,
      fullName: 'Salma Trabelsi',
      email: 'salma@sfax-studio.tn',
      gender: 'prefer-not-to-say',
    });
    const tanner = await insertOrganisation(db(), {
      slug: 'fes-leather',
      countryIso2: 'MA',
      womenLed: true,
      email: 'hello@fes-leather.ma',
    });
    await addMember(db(), other, tanner);

    staff = await insertUserWithRole(db(), 'Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    manager = await insertUserWithRole(db(), 'Manager', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'medina-weavers' });
    member = await insertUserWithRole(db(), 'Member', { key: 'member', scopeType: 'global', scopeId: null });
    await createNeedsSurvey(manager, { code: 'needs-medina', scope: { type: 'cluster', id: 'medina-weavers' } });
    await createNeedsSurvey(staff, { code: 'needs-tunisia', scope: { type: 'country', id: 'TN' } });
  });

  afterAll(async () => {
    await smtp.close();
  });

  it("previews the cluster members' addresses, then invites each address once and never twice", async () => {
    const preview = await sendSurveyInvitations(manager, { form: 'needs-medina', audience: 'cluster', locale: 'fr', dryRun: true });
    expect(preview.recipients.map((r) => r.email).sort()).toEqual(['amira@dar-weaving.tn', 'karim@dar-weaving.tn']);
    expect(preview).toMatchObject({ dryRun: true, sent: 0, duplicates: 1, organisationsWithoutAddress: 1 });
    // The dyer's only person has Amira's address: the organisation's own address is not used when a person has one.
    expect((await getSurveyInvitationStatus(manager, { form: 'needs-medina' })).counts.invited).toBe(0);
    expect(await deliver()).toEqual(new Map());

    const sent = await sendSurveyInvitations(manager, { form: 'needs-medina', audience: 'cluster', locale: 'fr' });
    expect(sent.sent).toBe(2);
    const mails = await deliver();
    expect([...mails.keys()].sort()).toEqual(['amira@dar-weaving.tn', 'karim@dar-weaving.tn']);
    expect(mails.get('karim@dar-weaving.tn')).toContain('https://mosaic.example.org/fr/surveys/');

    const again = await sendSurveyInvitations(manager, { form: 'needs-medina', audience: 'cluster', locale: 'fr' });
    expect(again).toMatchObject({ sent: 0, alreadyInvited: 2 });
    expect(await deliver()).toEqual(new Map());
    const audit = await queryRows<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'needs.survey.invitations.send'`,
    );
    expect(audit[0]?.n).toBe(2);
  });

  it("invites a directory view's organisations (the directory's query string)", async () => {
    const preview = await sendSurveyInvitations(staff, {
      form: 'needs-tunisia',
      audience: 'selection',
      query: '?country=TN&womenLed=true&subsector=fashion',
      locale: 'ar',
      dryRun: true,
    });
    expect(preview.recipients).toEqual([
      {
        organisation: expect.any(String),
        name: 'Salma Trabelsi',
        email: 'salma@sfax-studio.tn',
        locale: 'ar',
        country: 'TN',
        cluster: null,
      },
    ]);
    const all = await sendSurveyInvitations(staff, { form: 'needs-tunisia', audience: 'selection', query: 'country=TN', locale: 'ar' });
    expect(all.recipients.map((r) => r.email).sort()).toEqual(['amira@dar-weaving.tn', 'karim@dar-weaving.tn', 'salma@sfax-studio.tn']);
    expect(all.recipients.find((r) => r.email === 'karim@dar-weaving.tn')?.cluster).toBe('medina-weavers');
    const mails = await deliver();
    expect(mails.get('salma@sfax-studio.tn')).toContain('https://mosaic.example.org/ar/surveys/');
  });

  it('refuses a member, a cluster manager outside their cluster, and a bad selection', async () => {
    expect(await outcomeCode(sendSurveyInvitations(member, { form: 'needs-medina', audience: 'cluster', locale: 'fr' }))).toBe(
      'COMMON_FORBIDDEN',
    );
    expect(
      await outcomeCode(
        sendSurveyInvitations(manager, { form: 'needs-medina', audience: 'cluster', cluster: 'fes-tanners', locale: 'fr' }),
      ),
    ).toBe('COMMON_FORBIDDEN');
    expect(
      await outcomeCode(sendSurveyInvitations(manager, { form: 'needs-medina', audience: 'selection', query: 'country=TN', locale: 'fr' })),
    ).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(sendSurveyInvitations(manager, { form: 'needs-tunisia', audience: 'cluster', locale: 'fr' }))).toBe(
      'COMMON_FORBIDDEN',
    );
    expect(await outcomeCode(remindSurveyInvitations(member, { form: 'needs-medina' }))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(getSurveyInvitationStatus(anonymous, { form: 'needs-medina' }))).toBe('COMMON_UNAUTHENTICATED');
    expect(
      await outcomeCode(
        sendSurveyInvitations(staff, { form: 'needs-tunisia', audience: 'selection', query: 'country=tunisia', locale: 'fr' }),
      ),
    ).toBe('NEEDS_INVITATION_QUERY_INVALID');
  });

  it('answers through the personal link without an account, once, attributed to the organisation; reminds only those who have not answered', async () => {
    // New links through a reminder (the first mails' tokens were delivered in earlier tests).
    const reminded = await remindSurveyInvitations(staff, { form: 'needs-tunisia' });
    expect(reminded.reminded).toBe(3);
    const mails = await deliver();
    const salma = tokenIn(mails.get('salma@sfax-studio.tn') ?? '');
    const karim = tokenIn(mails.get('karim@dar-weaving.tn') ?? '');
    expect(salma).not.toBe('');

    const opened = await openSurveyInvitation(anonymous, salma);
    expect(opened).toMatchObject({ formCode: 'needs-tunisia', locale: 'ar', state: 'opened', response: null });
    expect(await outcomeCode(openSurveyInvitation(anonymous, 'x'.repeat(43)))).toBe('NEEDS_INVITATION_NOT_FOUND');
    // A refused page stores nothing.
    expect(
      await outcomeCode(saveSurveyInvitationPage(anonymous, salma, { page: 'about', fields: [[Q.size, 'gigantic']], locale: 'ar' })),
    ).toBe('FORMS_ANSWERS_INVALID');
    expect((await openSurveyInvitation(anonymous, salma)).response).toBeNull();

    const response = await answerThrough(salma, {
      size: 'medium',
      challenges: ['access-to-finance', 'women-specific-barriers'],
      severity: { 'access-to-finance': '4' },
    });
    expect(response).toMatchObject({ status: 'submitted', respondentUserId: null });
    expect(await outcomeCode(submitSurveyInvitation(anonymous, salma))).toBe('NEEDS_INVITATION_ANSWERED');
    expect(await outcomeCode(saveSurveyInvitationPage(anonymous, salma, { page: 'about', fields: [], locale: 'ar' }))).toBe(
      'NEEDS_INVITATION_ANSWERED',
    );
    expect((await openSurveyInvitation(anonymous, salma)).state).toBe('answered');
    await answerThrough(karim, { gender: 'man', challenges: ['access-to-finance'], severity: { 'access-to-finance': '2' } });

    // Attribution: Salma's answer (no cluster) counts for Tunisia with her organisation's gender from the directory; Karim's for his cluster.
    const tally = await queryRows<{ cluster_slug: string; country: string; gender: string; size: string; respondents: number }>(
      db(),
      sql`SELECT cluster_slug, country, gender, size, respondents FROM needs_survey_tally WHERE theme = '' ORDER BY cluster_slug`,
    );
    expect(tally).toEqual([
      { cluster_slug: '', country: 'TN', gender: 'undisclosed', size: 'medium', respondents: 1 },
      { cluster_slug: 'medina-weavers', country: 'TN', gender: 'man', size: 'small', respondents: 1 },
    ]);
    const tunisia = await getPriorities(staff, { scope: 'country:TN' });
    expect(tunisia.respondents).toMatchObject({ value: 2 });
    expect(await queryRows(db(), STORED_TALLY)).toEqual(await queryRows(db(), RECOUNTED_TALLY));

    // Only Amira has not answered the country survey: a reminder goes to her alone.
    expect((await remindSurveyInvitations(staff, { form: 'needs-tunisia' })).reminded).toBe(1);
    expect([...(await deliver()).keys()]).toEqual(['amira@dar-weaving.tn']);
    const status = await getSurveyInvitationStatus(staff, { form: 'needs-tunisia' });
    expect(status.counts).toEqual({ invited: 3, opened: 2, answered: 2, reminded: 3, pending: 1 });
    expect(status.invitations.find((i) => i.email === 'amira@dar-weaving.tn')).toMatchObject({ state: 'sent', reminders: 2 });
    expect(status.invitations.find((i) => i.email === 'salma@sfax-studio.tn')).toMatchObject({ state: 'answered', reminders: 1 });

    // A response deleted leaves the tally equal to the recount.
    await db().execute(sql`DELETE FROM form_response WHERE id = ${response.id}`);
    expect(await queryRows(db(), STORED_TALLY)).toEqual(await queryRows(db(), RECOUNTED_TALLY));
  });

  it("shows the invitation in the invited person's account, in their own language, to them only", async () => {
    const sousse = await insertCluster(db(), { slug: 'sousse-potters', countryIso2: 'TN' });
    const pottery = await insertOrganisation(db(), { slug: 'sousse-pottery', countryIso2: 'TN' });
    await addMember(db(), sousse, pottery);
    await insertPerson(db(), { organisationId: pottery.id, fullName: 'Member', userId: member.userId, email: 'member@sousse-pottery.tn' });
    await createNeedsSurvey(staff, { code: 'needs-sousse', scope: { type: 'cluster', id: 'sousse-potters' } });
    const sent = await sendSurveyInvitations(staff, { form: 'needs-sousse', audience: 'cluster', locale: 'ar' });
    // The account's language (English here) wins over the sender's choice.
    expect(sent.recipients).toMatchObject([{ email: 'member@sousse-pottery.tn', locale: 'en' }]);
    expect((await deliver()).get('member@sousse-pottery.tn')).toContain('https://mosaic.example.org/en/surveys/');
    const [mine] = await listMySurveyInvitations(member);
    expect(mine).toMatchObject({ state: 'sent' });
    expect(await openSurveyInvitation(member, mine!.id)).toMatchObject({ formCode: 'needs-sousse', state: 'opened' });
    expect(await outcomeCode(openSurveyInvitation(anonymous, mine!.id))).toBe('NEEDS_INVITATION_NOT_FOUND');
    expect(await outcomeCode(openSurveyInvitation(manager, mine!.id))).toBe('NEEDS_INVITATION_NOT_FOUND');
    expect(await listMySurveyInvitations(manager)).toEqual([]);
    // Withdrawn by a manager of the survey (not by the person): its links answer 410, and it is no longer listed.
    expect(await outcomeCode(revokeSurveyInvitation(member, { form: 'needs-sousse', invitation: mine!.id }))).toBe('COMMON_FORBIDDEN');
    await revokeSurveyInvitation(staff, { form: 'needs-sousse', invitation: mine!.id });
    expect(await outcomeCode(openSurveyInvitation(member, mine!.id))).toBe('NEEDS_INVITATION_GONE');
    expect(await listMySurveyInvitations(member)).toEqual([]);
    expect(await outcomeCode(revokeSurveyInvitation(staff, { form: 'needs-sousse', invitation: mine!.id }))).toBe(
      'NEEDS_INVITATION_NOT_FOUND',
    );
  });

  it('schedules a reminder through the job queue, and refuses an expired link with 410', async () => {
    const scheduled = await remindSurveyInvitations(staff, { form: 'needs-tunisia', afterDays: 3 });
    expect(new Date(scheduled.scheduledFor ?? 0).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(await deliver()).toEqual(new Map());
    await db().execute(sql`UPDATE job SET run_at = now() WHERE kind = 'needs.survey-invitations.remind'`);
    const mails = await deliver();
    expect([...mails.keys()]).toEqual(['amira@dar-weaving.tn']);
    const amira = tokenIn(mails.get('amira@dar-weaving.tn') ?? '');
    await db().execute(sql`UPDATE survey_invitation SET expires_at = now() - interval '1 day' WHERE email = 'amira@dar-weaving.tn'`);
    expect(await outcomeCode(openSurveyInvitation(anonymous, amira))).toBe('NEEDS_INVITATION_GONE');
  });
});
