/**
 * People of an organisation. Its managers list, add, change and remove them, and link them to
 * their accounts; the public sees only the people who agreed to be listed, and only their name
 * and job title. Gender is self-declared and optional. Changes are audited against the
 * organisation, so its history shows them.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canManageOrganisation } from './organisation.policy.ts';
import type { OrganisationRow } from './organisation.presenter.ts';
import { findOrganisationBySlug } from './organisation-admin.repository.server.ts';
import {
  type ListedPerson,
  type ManagedPerson,
  type PersonAccountInput,
  type PersonInput,
  personAccountInputSchema,
  personInputSchema,
} from './people.contracts.ts';
import {
  deletePersonRow,
  findPersonOf,
  findPersonOfAccount,
  findVerifiedAccountId,
  insertPersonRow,
  type PersonRow,
  selectPeople,
  updatePersonRow,
} from './people.repository.server.ts';

export const PEOPLE_LIST_LIMIT = 200;

const PERSON_FIELDS = ['fullName', 'jobTitle', 'gender', 'email', 'phone', 'listedConsent'] as const;

function listed(row: PersonRow): ListedPerson {
  return { id: row.id, fullName: row.fullName, jobTitle: row.jobTitle };
}

function managed(row: PersonRow): ManagedPerson {
  return {
    ...listed(row),
    gender: (row.gender as ManagedPerson['gender']) ?? null,
    email: row.email,
    phone: row.phone,
    listedConsent: row.listedConsent,
    hasAccount: row.userId !== null,
  };
}

function notFound(): AppError {
  return new AppError('DIRECTORY_MANAGE_NOT_FOUND', 404);
}

async function managedOrganisation(executor: Executor, actor: Actor, slug: string): Promise<OrganisationRow> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const row = await findOrganisationBySlug(executor, slug);
  if (!row) throw notFound();
  if (!canManageOrganisation(actor, row)) throw CommonErrors.forbidden();
  return row;
}

export type PeopleList = { managed: true; people: ManagedPerson[] } | { managed: false; people: ListedPerson[] };

/** Managers get everyone with their details; anyone else the listed people of a published organisation. */
export async function listPeople(actor: Actor, slug: string): Promise<PeopleList> {
  const db = getDb();
  const row = await findOrganisationBySlug(db, slug);
  if (!row) throw notFound();
  if (canManageOrganisation(actor, row)) {
    return { managed: true, people: (await selectPeople(db, row.id, { listedOnly: false, limit: PEOPLE_LIST_LIMIT })).map(managed) };
  }
  if (row.status !== 'published') throw notFound();
  return { managed: false, people: (await selectPeople(db, row.id, { listedOnly: true, limit: PEOPLE_LIST_LIMIT })).map(listed) };
}

function valuesOf(input: ReturnType<typeof personInputSchema.parse>) {
  return {
    fullName: input.fullName,
    jobTitle: input.jobTitle ?? null,
    gender: input.gender ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    listedConsent: input.listedConsent,
  };
}

export async function addPerson(actor: Actor, slug: string, input: PersonInput | Record<string, unknown>): Promise<ManagedPerson> {
  const values = valuesOf(parseInput(personInputSchema, input));
  return getDb().transaction(async (tx) => {
    const organisationRow = await managedOrganisation(tx, actor, slug);
    const row = await insertPersonRow(tx, { ...values, organisationId: organisationRow.id });
    await recordAudit(tx, actor, {
      action: 'directory.person.add',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { personId: row.id },
    });
    return managed(row);
  });
}

/** Replaces the person's details with `input` (the whole form); audits the names of the fields that changed. */
export async function updatePerson(
  actor: Actor,
  slug: string,
  personId: string,
  input: PersonInput | Record<string, unknown>,
): Promise<ManagedPerson> {
  const values = valuesOf(parseInput(personInputSchema, input));
  return getDb().transaction(async (tx) => {
    const organisationRow = await managedOrganisation(tx, actor, slug);
    const row = await findPersonOf(tx, organisationRow.id, personId);
    if (!row) throw new AppError('DIRECTORY_MANAGE_PERSON_NOT_FOUND', 404);
    const changed = PERSON_FIELDS.filter((field) => JSON.stringify(values[field]) !== JSON.stringify(row[field]));
    if (changed.length === 0) return managed(row);
    const updated = await updatePersonRow(tx, row.id, values);
    await recordAudit(tx, actor, {
      action: 'directory.person.update',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { personId, changed },
    });
    return managed(updated);
  });
}

export async function removePerson(actor: Actor, slug: string, personId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const organisationRow = await managedOrganisation(tx, actor, slug);
    const row = await findPersonOf(tx, organisationRow.id, personId);
    if (!row) throw new AppError('DIRECTORY_MANAGE_PERSON_NOT_FOUND', 404);
    await deletePersonRow(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'directory.person.remove',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { personId },
    });
  });
}

/**
 * Links the person to the account with this e-mail. Authorised before the e-mail is looked up, so
 * only those who manage the organisation learn whether an account has it; an unverified address
 * counts as no account (it is not proven to be the person's). An account belongs to one person.
 */
export async function linkPersonAccount(
  actor: Actor,
  slug: string,
  personId: string,
  input: PersonAccountInput | Record<string, unknown>,
): Promise<ManagedPerson> {
  return getDb().transaction(async (tx) => {
    const organisationRow = await managedOrganisation(tx, actor, slug);
    const { email } = parseInput(personAccountInputSchema, input);
    const row = await findPersonOf(tx, organisationRow.id, personId);
    if (!row) throw new AppError('DIRECTORY_MANAGE_PERSON_NOT_FOUND', 404);
    const userId = await findVerifiedAccountId(tx, email);
    if (!userId) throw new AppError('DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND', 400, { fields: [{ field: 'email', code: 'account_not_found' }] });
    if (row.userId === userId) return managed(row);
    const holder = await findPersonOfAccount(tx, userId);
    if (holder) throw new AppError('DIRECTORY_PEOPLE_ACCOUNT_TAKEN', 409, { fields: [{ field: 'email', code: 'taken' }] });
    const updated = await updatePersonRow(tx, row.id, { userId });
    await recordAudit(tx, actor, {
      action: 'directory.person.link',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { personId, userId, ...(row.userId ? { previousUserId: row.userId } : {}) },
    });
    return managed(updated);
  });
}

/** Takes the link to an account off the person (nothing changes when there is none). */
export async function unlinkPersonAccount(actor: Actor, slug: string, personId: string): Promise<ManagedPerson> {
  return getDb().transaction(async (tx) => {
    const organisationRow = await managedOrganisation(tx, actor, slug);
    const row = await findPersonOf(tx, organisationRow.id, personId);
    if (!row) throw new AppError('DIRECTORY_MANAGE_PERSON_NOT_FOUND', 404);
    if (!row.userId) return managed(row);
    const updated = await updatePersonRow(tx, row.id, { userId: null });
    await recordAudit(tx, actor, {
      action: 'directory.person.unlink',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { personId, previousUserId: row.userId },
    });
    return managed(updated);
  });
}
