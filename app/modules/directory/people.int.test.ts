/** People of an organisation on a real database: managers manage them, the public sees the listed ones only. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '#app/shared/audit/testing/staff-actor.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, person, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { insertOrganisation, insertPerson, type OrganisationRow } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { organisationHistory } from './organisation-admin.service.server.ts';
import { addPerson, linkPersonAccount, listPeople, removePerson, unlinkPersonAccount, updatePerson } from './people.service.server.ts';

describe('people of an organisation', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let organisationRow: OrganisationRow;
  let admin: UserActor;

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  beforeAll(async () => {
    organisationRow = await insertOrganisation(db());
    admin = actorWith([], {
      userId: 'people-admin',
      grants: [
        {
          role: 'organisation_admin',
          scopeType: 'organisation',
          scopeId: organisationRow.slug,
          permissions: ['directory.organisations.manage'],
          requiresTwoFactor: false,
        },
      ],
    });
  });

  it('adds, changes and removes people, auditing each change against the organisation', async () => {
    const added = await addPerson(admin, organisationRow.slug, {
      fullName: 'Leila Haddad',
      jobTitle: { fr: 'Gérante' },
      gender: 'woman',
      email: 'leila@example.org',
      listedConsent: true,
    });
    expect(added).toMatchObject({ fullName: 'Leila Haddad', gender: 'woman', listedConsent: true, hasAccount: false });
    const updated = await updatePerson(admin, organisationRow.slug, added.id, {
      fullName: 'Leila Haddad',
      jobTitle: { fr: 'Directrice' },
      gender: null,
      email: 'leila@example.org',
      listedConsent: true,
    });
    expect(updated.jobTitle).toEqual({ fr: 'Directrice' });
    expect(updated.gender).toBeNull();
    await removePerson(admin, organisationRow.slug, added.id);
    expect(await db().select().from(person).where(eq(person.id, added.id))).toEqual([]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, organisationRow.id));
    expect(audit.map((a) => [a.action, a.data])).toEqual([
      ['directory.person.add', { personId: added.id }],
      ['directory.person.update', { personId: added.id, changed: ['jobTitle', 'gender'] }],
      ['directory.person.remove', { personId: added.id }],
    ]);
  });

  it('shows the public only people who agreed to be listed, without their contact details', async () => {
    await insertPerson(db(), {
      organisationId: organisationRow.id,
      fullName: 'Listed Person',
      listedConsent: true,
      email: 'l@example.org',
    });
    await insertPerson(db(), { organisationId: organisationRow.id, fullName: 'Unlisted Person', listedConsent: false });
    const visitor = await listPeople(anonymous, organisationRow.slug);
    expect(visitor.managed).toBe(false);
    expect(visitor.people.map((p) => p.fullName)).toEqual(['Listed Person']);
    expect(visitor.people[0]).not.toHaveProperty('email');
    const managers = await listPeople(admin, organisationRow.slug);
    expect(managers.managed).toBe(true);
    expect(managers.people.map((p) => p.fullName)).toEqual(['Listed Person', 'Unlisted Person']);
  });

  it('refuses anyone who does not manage the organisation, writing nothing', async () => {
    const other = await insertOrganisation(db());
    const someone = await insertPerson(db(), { organisationId: other.id, fullName: 'Kept' });
    expect(await codeOf(addPerson(admin, other.slug, { fullName: 'Intruder' }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(removePerson(admin, other.slug, someone.id))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(addPerson(anonymous, other.slug, { fullName: 'Intruder' }))).toBe('COMMON_UNAUTHENTICATED');
    // A person of another organisation cannot be reached through one's own.
    expect(await codeOf(removePerson(admin, organisationRow.slug, someone.id))).toBe('DIRECTORY_MANAGE_PERSON_NOT_FOUND');
    expect(await db().select().from(person).where(eq(person.organisationId, other.id))).toHaveLength(1);
    expect(await codeOf(addPerson(admin, organisationRow.slug, { fullName: '', gender: 'unknown' as 'woman' }))).toBe(
      'COMMON_VALIDATION_FAILED',
    );
  });

  describe('links to accounts', () => {
    async function account(email: string, emailVerified = true): Promise<string> {
      const id = `account-${email}`;
      await db().insert(user).values({ id, name: email, email, emailVerified });
      return id;
    }

    async function linkedAccount(personId: string): Promise<string | null | undefined> {
      const [row] = await db().select({ userId: person.userId }).from(person).where(eq(person.id, personId));
      return row?.userId;
    }

    async function auditOf(organisationId: string) {
      return db()
        .select({ action: auditLog.action, data: auditLog.data })
        .from(auditLog)
        .where(eq(auditLog.subjectId, organisationId))
        .orderBy(auditLog.createdAt);
    }

    it('links a person to the account with this e-mail (any case) and unlinks it, each audited once', async () => {
      const userId = await account('karima@example.org');
      const someone = await insertPerson(db(), { organisationId: organisationRow.id, fullName: 'Karima Saidi' });
      const before = (await auditOf(organisationRow.id)).length;
      const linked = await linkPersonAccount(admin, organisationRow.slug, someone.id, { email: ' Karima@Example.ORG ' });
      expect(linked.hasAccount).toBe(true);
      expect(await linkedAccount(someone.id)).toBe(userId);
      // Linking again to the same account changes nothing.
      await linkPersonAccount(admin, organisationRow.slug, someone.id, { email: 'karima@example.org' });
      expect((await unlinkPersonAccount(admin, organisationRow.slug, someone.id)).hasAccount).toBe(false);
      expect(await linkedAccount(someone.id)).toBeNull();
      await unlinkPersonAccount(admin, organisationRow.slug, someone.id);
      expect((await auditOf(organisationRow.id)).slice(before)).toEqual([
        { action: 'directory.person.link', data: { personId: someone.id, userId } },
        { action: 'directory.person.unlink', data: { personId: someone.id, previousUserId: userId } },
      ]);
    });

    it('says there is no account for an unknown or unverified e-mail, and refuses an account already linked', async () => {
      await account('unverified@example.org', false);
      const first = await insertPerson(db(), { organisationId: organisationRow.id, fullName: 'First Holder' });
      const second = await insertPerson(db(), { organisationId: organisationRow.id, fullName: 'Second Person' });
      expect(await codeOf(linkPersonAccount(admin, organisationRow.slug, second.id, { email: 'nobody@example.org' }))).toBe(
        'DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND',
      );
      expect(await codeOf(linkPersonAccount(admin, organisationRow.slug, second.id, { email: 'unverified@example.org' }))).toBe(
        'DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND',
      );
      expect(await codeOf(linkPersonAccount(admin, organisationRow.slug, second.id, { email: 'not an e-mail' }))).toBe(
        'COMMON_VALIDATION_FAILED',
      );
      await account('shared@example.org');
      await linkPersonAccount(admin, organisationRow.slug, first.id, { email: 'shared@example.org' });
      expect(await codeOf(linkPersonAccount(admin, organisationRow.slug, second.id, { email: 'shared@example.org' }))).toBe(
        'DIRECTORY_PEOPLE_ACCOUNT_TAKEN',
      );
      expect(await linkedAccount(second.id)).toBeNull();
    });

    it('names in the organisation’s history the person linked or unlinked, while they are still in it', async () => {
      const workshop = await insertOrganisation(db());
      const workshopAdmin = actorWith([], {
        userId: 'history-admin',
        grants: [
          {
            role: 'organisation_admin',
            scopeType: 'organisation',
            scopeId: workshop.slug,
            permissions: ['directory.organisations.manage'],
            requiresTwoFactor: false,
          },
        ],
      });
      await account('amira@example.org');
      await account('youssef@example.org');
      const amira = await addPerson(workshopAdmin, workshop.slug, { fullName: 'Amira Zid' });
      const youssef = await addPerson(workshopAdmin, workshop.slug, { fullName: 'Youssef Amri' });
      await linkPersonAccount(workshopAdmin, workshop.slug, amira.id, { email: 'amira@example.org' });
      await linkPersonAccount(workshopAdmin, workshop.slug, youssef.id, { email: 'youssef@example.org' });
      await unlinkPersonAccount(workshopAdmin, workshop.slug, youssef.id);
      await removePerson(workshopAdmin, workshop.slug, youssef.id);
      const { history } = await organisationHistory(workshopAdmin, workshop.slug);
      expect(history.entries.map((entry) => [entry.action, entry.personName])).toEqual([
        ['directory.person.remove', null],
        ['directory.person.unlink', null],
        ['directory.person.link', null],
        ['directory.person.link', 'Amira Zid'],
        ['directory.person.add', null],
        ['directory.person.add', 'Amira Zid'],
      ]);
    });

    it('refuses another organisation’s admin before looking the e-mail up: 403 whether or not the account exists, nothing changed', async () => {
      const other = await insertOrganisation(db());
      const theirs = await insertPerson(db(), { organisationId: other.id, fullName: 'Their Person' });
      const linkedId = await account('their-linked@example.org');
      await db().update(person).set({ userId: linkedId }).where(eq(person.id, theirs.id));
      await account('exists@example.org');
      const before = (await auditOf(other.id)).length;
      for (const email of ['exists@example.org', 'nobody-at-all@example.org', 'not an e-mail']) {
        expect(await codeOf(linkPersonAccount(admin, other.slug, theirs.id, { email }))).toBe('COMMON_FORBIDDEN');
      }
      expect(await codeOf(unlinkPersonAccount(admin, other.slug, theirs.id))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(linkPersonAccount(anonymous, other.slug, theirs.id, { email: 'exists@example.org' }))).toBe(
        'COMMON_UNAUTHENTICATED',
      );
      // Nor through one's own organisation.
      expect(await codeOf(unlinkPersonAccount(admin, organisationRow.slug, theirs.id))).toBe('DIRECTORY_MANAGE_PERSON_NOT_FOUND');
      expect(await linkedAccount(theirs.id)).toBe(linkedId);
      expect(await auditOf(other.id)).toHaveLength(before);
    });
  });
});
