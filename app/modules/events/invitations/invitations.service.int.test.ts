/**
 * Event invitations on a real database (PGlite or PostgreSQL) with mail over a real SMTP test
 * server: adding from a directory view, a cluster of another country and the twins finder (no
 * duplicates, a preview that writes nothing), the balance and its target, the policy (a cluster
 * manager of another cluster refused with nothing written), sending once per entry in each
 * invitee's language with only the token's hash stored, resending to those who have not answered,
 * the link (opened, declined, revoked 410, unknown 404) and what registration reads of it.
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
import { insertEvent } from '../event.fixture.ts';
import { findOpenInvitationByToken, markInvitationResponded } from './invitation-link.server.ts';
import { hashInvitationToken } from './invitation-token.ts';
import {
  addInvitations,
  declineInvitationLink,
  getInvitationBalance,
  getInvitationList,
  openInvitationLink,
  removeInvitation,
  sendInvitations,
  setWomenTarget,
} from './invitations.service.server.ts';

describe('event invitations', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let smtp: SmtpTestServer;
  let manager: UserActor;
  let otherManager: UserActor;
  let staff: UserActor;
  let slug: string;
  let eventId: string;
  let kef: { slug: string };

  async function deliver(): Promise<Map<string, { text: string }>> {
    await runJobsOnce();
    const mails = new Map(smtp.received.map((mail) => [mail.envelope.to[0]!, { text: mail.text ?? '' }]));
    smtp.received.length = 0;
    return mails;
  }

  const tokenIn = (text: string) => /\/invited\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

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
    // The host cluster in Tunisia, with two members: one with a woman and a man, one with only its own address.
    const host = await insertCluster(db(), { slug: 'kef-weavers', countryIso2: 'TN', subsectorCode: 'fashion' });
    kef = host;
    const weaver = await insertOrganisation(db(), { slug: 'kef-loom', countryIso2: 'TN', sizeClass: 'small', subsectorCodes: ['fashion'] });
    const dyer = await insertOrganisation(db(), {
      slug: 'kef-dyes',
      countryIso2: 'TN',
      email: 'Contact@Kef-Dyes.tn',
      subsectorCodes: ['fashion'],
    });
    await addMember(db(), host, weaver);
    await addMember(db(), host, dyer);
    await insertPerson(db(), { organisationId: weaver.id, fullName: 'Amira Ben Salah', email: 'amira@kef-loom.tn', gender: 'woman' });
    await insertPerson(db(), { organisationId: weaver.id, fullName: 'Karim Jaziri', email: 'karim@kef-loom.tn', gender: 'man' });
    // A cluster in Morocco and counterparts (twins: same subsector) in Algeria, Morocco and Egypt.
    const fes = await insertCluster(db(), { slug: 'fes-weavers', countryIso2: 'MA', subsectorCode: 'fashion' });
    const fesLoom = await insertOrganisation(db(), { slug: 'fes-loom', countryIso2: 'MA', womenLed: true, subsectorCodes: ['fashion'] });
    await addMember(db(), fes, fesLoom);
    await insertPerson(db(), { organisationId: fesLoom.id, fullName: 'Salma Idrissi', email: 'salma@fes-loom.ma', gender: 'woman' });
    for (const [iso2, name, gender] of [
      ['DZ', 'Yacine Belkacem', 'man'],
      ['EG', 'Mona Hassan', 'woman'],
    ] as const) {
      const org = await insertOrganisation(db(), {
        slug: `${iso2.toLowerCase()}-textiles`,
        countryIso2: iso2,
        subsectorCodes: ['fashion'],
      });
      await insertPerson(db(), { organisationId: org.id, fullName: name, email: `${iso2.toLowerCase()}@textiles.example`, gender });
    }
    // A cluster in Egypt matched with the host cluster by its subsector, whose member is no organisation twin itself.
    const cairo = await insertCluster(db(), { slug: 'cairo-weavers', countryIso2: 'EG', subsectorCode: 'fashion' });
    const cairoShop = await insertOrganisation(db(), { slug: 'cairo-shop', countryIso2: 'EG', subsectorCodes: [] });
    await addMember(db(), cairo, cairoShop);
    await insertPerson(db(), { organisationId: cairoShop.id, fullName: 'Tarek Nour', email: 'tarek@cairo-shop.eg', gender: 'man' });
    // Two people of two organisations sharing one address: listed once.
    const shared = await insertOrganisation(db(), { slug: 'ma-shared', countryIso2: 'MA', subsectorCodes: ['fashion'] });
    await insertPerson(db(), { organisationId: shared.id, fullName: 'Omar Alaoui', email: 'SALMA@fes-loom.ma', gender: 'man' });

    manager = await insertUserWithRole(db(), 'Manager', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'kef-weavers' });
    otherManager = await insertUserWithRole(db(), 'Other', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'fes-weavers' });
    staff = await insertUserWithRole(db(), 'Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    const created = await insertEvent(db(), { hostClusterId: host.id, countryIso2: 'TN', womenTargetPercent: 40 });
    slug = created.slug;
    eventId = created.id;
  });

  afterAll(async () => {
    await smtp.close();
  });

  const entryCount = async () =>
    (await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM event_invitation WHERE event_id = ${eventId}`))[0]!.n;
  const auditCount = async () =>
    (await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'events.invitations.%'`))[0]!.n;

  it('refuses a cluster manager of another cluster, and anonymous callers, with nothing written', async () => {
    expect(await outcomeCode(addInvitations(otherManager, { event: slug, source: 'cluster', cluster: 'fes-weavers' }))).toBe(
      'COMMON_FORBIDDEN',
    );
    expect(await outcomeCode(sendInvitations(otherManager, { event: slug }))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(setWomenTarget(otherManager, { event: slug, womenTargetPercent: 10 }))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(getInvitationList(anonymous, { event: slug }))).toBe('COMMON_UNAUTHENTICATED');
    expect(await outcomeCode(getInvitationList(manager, { event: 'no-such-event' }))).toBe('EVENTS_INVITATION_EVENT_NOT_FOUND');
    expect(await entryCount()).toBe(0);
    expect(await auditCount()).toBe(0);
    // Programme staff manage every event.
    expect((await getInvitationList(staff, { event: slug })).counts.listed).toBe(0);
  });

  it('previews the host cluster (nothing written), then adds its people once, warning under the target', async () => {
    const preview = await addInvitations(manager, { event: slug, source: 'cluster', cluster: 'kef-weavers', dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, organisations: 2, added: 3, alreadyListed: 0 });
    expect(await entryCount()).toBe(0);
    // One woman, one man, the dyer's own address (unknown): 33 % < 40 %.
    expect(preview.balance.gender.women).toMatchObject({ count: 1, percent: 33 });
    expect(preview.balance.belowTarget).toBe(true);

    const added = await addInvitations(manager, { event: slug, source: 'cluster', cluster: 'kef-weavers', locale: 'fr' });
    expect(added).toMatchObject({ dryRun: false, added: 3, alreadyListed: 0 });
    const again = await addInvitations(manager, { event: slug, source: 'cluster', cluster: 'kef-weavers' });
    expect(again).toMatchObject({ added: 0, alreadyListed: 3 });
    const list = await getInvitationList(manager, { event: slug });
    expect(list.entries.map((entry) => entry.email).sort()).toEqual(['amira@kef-loom.tn', 'contact@kef-dyes.tn', 'karim@kef-loom.tn']);
    expect(list.entries.every((entry) => entry.source === 'cluster' && entry.locale === 'fr' && entry.state === 'listed')).toBe(true);
    expect(list.counts).toMatchObject({ listed: 3, sendable: 3, sent: 0 });
    expect(list.balance.belowTarget).toBe(true);
  });

  it('adds counterparts from three countries: a cluster of Morocco, the twins finder and a directory view, none twice', async () => {
    const fes = await addInvitations(manager, { event: slug, source: 'cluster', cluster: 'fes-weavers' });
    expect(fes.added).toBe(1);
    const twins = await addInvitations(manager, { event: slug, source: 'twins', twinsOf: 'cluster', slug: kef.slug });
    // Twins of the host cluster: the Algerian, Egyptian and Moroccan organisations, and the members of the clusters
    // matched abroad (Cairo's shop); Fes Loom is listed already, and the shared address of ma-shared is Fes Loom's person's.
    expect(twins.added).toBe(3);
    expect(twins.alreadyListed).toBeGreaterThanOrEqual(2);
    const view = await addInvitations(manager, { event: slug, source: 'view', query: '/en/organisations?country=DZ&country=EG' });
    expect(view).toMatchObject({ organisations: 3, added: 0, alreadyListed: 3 });

    const balance = await getInvitationBalance(manager, { event: slug });
    expect(balance.total).toBe(7);
    expect(Object.fromEntries(balance.countries.map((share) => [share.key, share.count]))).toEqual({ TN: 3, MA: 1, DZ: 1, EG: 2 });
    // Amira, Salma, Mona: 3 of 7 = 43 %.
    expect(balance.gender.women.count).toBe(3);
    expect(balance.belowTarget).toBe(false);
    expect(balance.womenLed.count).toBe(1);
    expect(await outcomeCode(addInvitations(manager, { event: slug, source: 'cluster', cluster: 'nowhere' }))).toBe(
      'EVENTS_INVITATION_CLUSTER_NOT_FOUND',
    );
  });

  it('warns again when the target is raised, and stops when it is lowered', async () => {
    await setWomenTarget(manager, { event: slug, womenTargetPercent: 60 });
    expect((await getInvitationBalance(manager, { event: slug })).belowTarget).toBe(true);
    await setWomenTarget(manager, { event: slug, womenTargetPercent: 43 });
    // 3 of 7 is 42.9 %: shown as 43 % but below 43 %.
    expect((await getInvitationBalance(manager, { event: slug })).belowTarget).toBe(true);
    await setWomenTarget(manager, { event: slug, womenTargetPercent: 42 });
    expect((await getInvitationBalance(manager, { event: slug })).belowTarget).toBe(false);
  });

  it('sends once per entry in each language, keeps only the hash, resends to those who have not answered', async () => {
    const preview = await sendInvitations(manager, { event: slug, dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, recipients: 7, withoutAddress: 0 });
    expect(smtp.received).toHaveLength(0);

    const sent = await sendInvitations(manager, { event: slug });
    expect(sent).toMatchObject({ dryRun: false, recipients: 7, byLocale: { fr: 3, en: 4 } });
    const mails = await deliver();
    expect(mails.size).toBe(7);
    const amira = mails.get('amira@kef-loom.tn')!;
    const token = tokenIn(amira.text);
    expect(token).toHaveLength(43);
    expect(amira.text).toContain(`https://mosaic.example.org/fr/events/${slug}/invited/${token}`);
    // In French, with the event's French title.
    expect(amira.text).toContain('Bonjour Amira Ben Salah');
    expect(amira.text).toContain('« Atelier de test');
    expect(mails.get('salma@fes-loom.ma')!.text).toContain('Hello Salma Idrissi');
    expect(mails.get('contact@kef-dyes.tn')!.text).toMatch(/^Bonjour,/);
    // Only the hash is stored: no column anywhere holds the token.
    const links = await queryRows<{ tokenHash: string }>(db(), sql`SELECT token_hash AS "tokenHash" FROM event_invitation_link`);
    expect(links.map((link) => link.tokenHash)).toContain(hashInvitationToken(token));
    expect(JSON.stringify(links)).not.toContain(token);

    // A second send finds nobody new.
    expect(await sendInvitations(manager, { event: slug })).toMatchObject({ recipients: 0 });
    expect((await deliver()).size).toBe(0);

    // What registration reads: the open invitation of this event only.
    const open = await findOpenInvitationByToken(db(), eventId, token);
    expect(open).toMatchObject({ name: 'Amira Ben Salah', email: 'amira@kef-loom.tn', locale: 'fr', gender: 'woman', countryIso2: 'TN' });
    const otherEvent = await insertEvent(db());
    expect(await findOpenInvitationByToken(db(), otherEvent.id, token)).toBeNull();
    expect(await findOpenInvitationByToken(db(), eventId, 'x'.repeat(43))).toBeNull();
    await markInvitationResponded(db(), open!.id, 'registered', new Date());

    // Karim opens and declines; the others are resent a new link, the old one still works.
    const karimToken = tokenIn(mails.get('karim@kef-loom.tn')!.text);
    const view = await openInvitationLink({ event: slug, token: karimToken });
    expect(view).toMatchObject({ name: 'Karim Jaziri', state: 'open' });
    await declineInvitationLink(anonymous, { event: slug, token: karimToken });
    expect((await openInvitationLink({ event: slug, token: karimToken })).state).toBe('declined');

    const resend = await sendInvitations(manager, { event: slug, mode: 'resend' });
    expect(resend.recipients).toBe(5);
    const reminders = await deliver();
    expect([...reminders.keys()].sort()).toEqual([
      'contact@kef-dyes.tn',
      'dz@textiles.example',
      'eg@textiles.example',
      'salma@fes-loom.ma',
      'tarek@cairo-shop.eg',
    ]);
    const list = await getInvitationList(manager, { event: slug });
    expect(list.counts).toMatchObject({ listed: 7, sent: 7, opened: 1, registered: 1, declined: 1, awaiting: 5 });
    expect(list.entries.find((entry) => entry.email === 'salma@fes-loom.ma')?.sendCount).toBe(2);
  });

  it('removes an unsent entry; a sent one is revoked and its link answers 410; an unknown link 404', async () => {
    const solo = await insertOrganisation(db(), { slug: 'late-addition', countryIso2: 'TN', email: 'late@addition.tn' });
    await addInvitations(manager, { event: slug, source: 'organisation', organisationIds: [solo.id] });
    let list = await getInvitationList(manager, { event: slug });
    const late = list.entries.find((entry) => entry.email === 'late@addition.tn')!;
    expect(await removeInvitation(manager, { event: slug, id: late.id })).toEqual({ removed: 'deleted' });

    const mails = await deliver();
    expect(mails.size).toBe(0);
    await sendInvitations(manager, { event: slug, mode: 'resend' });
    const dzToken = tokenIn((await deliver()).get('dz@textiles.example')!.text);
    list = await getInvitationList(manager, { event: slug });
    const dz = list.entries.find((entry) => entry.email === 'dz@textiles.example')!;
    expect(await removeInvitation(manager, { event: slug, id: dz.id })).toEqual({ removed: 'revoked' });
    expect(await outcomeCode(openInvitationLink({ event: slug, token: dzToken }))).toBe('EVENTS_INVITATION_LINK_GONE');
    expect(await findOpenInvitationByToken(db(), eventId, dzToken)).toBeNull();
    expect(await outcomeCode(openInvitationLink({ event: slug, token: 'y'.repeat(43) }))).toBe('EVENTS_INVITATION_LINK_NOT_FOUND');
    expect(await outcomeCode(removeInvitation(manager, { event: slug, id: dz.id }))).toBe('EVENTS_INVITATION_NOT_FOUND');
    expect((await getInvitationList(manager, { event: slug })).counts.listed).toBe(6);
  });
});
