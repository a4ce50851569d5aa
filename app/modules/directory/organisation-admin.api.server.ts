/**
 * The organisations directory over the API, write side: create (staff publish, members propose),
 * partial update, claims, people, and the staff decisions on proposals and claims. Adapters only:
 * authenticate (`protectedRoute`), parse (the Zod contracts), call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { organisationInputSchema, organisationProfileSchema, slugSchema } from './directory.contracts.ts';
import { claimInputSchema, decisionSchema, organisationPatchSchema } from './organisation-admin.contracts.ts';
import {
  claimOrganisation,
  createOrganisation,
  decideClaim,
  decideProposal,
  updateOrganisation,
} from './organisation-admin.service.server.ts';
import { listedPersonSchema, managedPersonSchema, personAccountInputSchema, personInputSchema } from './people.contracts.ts';
import { addPerson, linkPersonAccount, listPeople, unlinkPersonAccount } from './people.service.server.ts';

const TAG = 'organisation-management';

const slugParams = z.object({ slug: slugSchema });

const forbidden = problemContent('You may not manage this organisation; nothing was changed.', { status: 403, code: 'COMMON_FORBIDDEN' });
const notFound = problemContent('No organisation has this slug.', { status: 404, code: 'DIRECTORY_MANAGE_NOT_FOUND' });
const duplicate = problemContent(
  'The same organisation is already in the directory (same name and city, same e-mail or same phone); nothing was written.',
  { status: 409, code: 'DIRECTORY_MANAGE_DUPLICATE' },
);

const createOrganisationRoute = protectedRoute({
  method: 'post',
  path: '/organisations',
  tags: [TAG],
  operationId: 'createOrganisation',
  summary: 'Create or propose an organisation',
  description:
    'Programme staff who manage organisations of its country publish it at once (`status: published`). Any other signed-in caller with a verified e-mail proposes it (`status: proposed`): it stays out of the public directory until programme staff approve it, and its proposer then manages it. The slug is derived from the name unless given. Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: organisationInputSchema } } } },
  responses: {
    201: jsonContent(organisationProfileSchema, 'The organisation as created.'),
    403: problemContent('The caller’s e-mail is not verified.', { status: 403, code: 'COMMON_FORBIDDEN' }),
    409: duplicate,
  },
});

const updateOrganisationRoute = protectedRoute({
  method: 'patch',
  path: '/organisations/{slug}',
  tags: [TAG],
  operationId: 'updateOrganisation',
  summary: 'Update an organisation',
  description:
    'Changes the given fields; absent fields keep their value and `null` clears an optional one. For the organisation’s admins and programme staff of its country; anyone else gets 403 and nothing is written. Audited with the names of the changed fields.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: organisationPatchSchema } } } },
  responses: { 200: jsonContent(organisationProfileSchema, 'The updated organisation.'), 403: forbidden, 404: notFound, 409: duplicate },
});

const claimResultSchema = z
  .object({ id: z.string(), organisationSlug: slugSchema, status: z.literal('pending') })
  .meta({ id: 'OrganisationClaimCreated' });

const claimOrganisationRoute = protectedRoute({
  method: 'post',
  path: '/organisations/{slug}/claims',
  tags: [TAG],
  operationId: 'claimOrganisation',
  summary: 'Ask to manage an organisation',
  description:
    'Asks programme staff to make the caller an admin of this published organisation. One pending claim per person and organisation.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: claimInputSchema } } } },
  responses: {
    201: jsonContent(claimResultSchema, 'The claim, waiting for programme staff.'),
    404: notFound,
    409: problemContent('The caller already has a pending claim on this organisation, or already manages it.', {
      status: 409,
      code: 'DIRECTORY_MANAGE_CLAIM_PENDING',
    }),
  },
});

const decisionBodySchema = z.object({ decision: decisionSchema }).meta({ id: 'DecisionInput' });

const decideProposalRoute = protectedRoute({
  method: 'post',
  path: '/organisations/{slug}/decision',
  tags: [TAG],
  operationId: 'decideOrganisationProposal',
  summary: 'Approve or reject a proposed organisation',
  description:
    'Programme staff only. Approving publishes the organisation and makes its proposer its admin; either way the proposer is told by e-mail.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: decisionBodySchema } } } },
  responses: {
    200: jsonContent(
      z.object({ slug: slugSchema, status: z.enum(['published', 'rejected']) }).meta({ id: 'ProposalDecision' }),
      'The decision.',
    ),
    403: forbidden,
    404: notFound,
    409: problemContent('The proposal was already decided.', { status: 409, code: 'DIRECTORY_MANAGE_ALREADY_DECIDED' }),
  },
});

const decideClaimRoute = protectedRoute({
  method: 'post',
  path: '/organisation-claims/{id}/decision',
  tags: [TAG],
  operationId: 'decideOrganisationClaim',
  summary: 'Approve or reject a claim',
  description:
    'Programme staff only. Approving makes the claimant an admin of the organisation; either way the claimant is told by e-mail.',
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: { required: true, content: { 'application/json': { schema: decisionBodySchema } } },
  },
  responses: {
    200: jsonContent(
      z.object({ id: z.string(), organisationSlug: slugSchema, status: z.enum(['approved', 'rejected']) }).meta({ id: 'ClaimDecision' }),
      'The decision.',
    ),
    403: forbidden,
    404: problemContent('No claim has this id.', { status: 404, code: 'DIRECTORY_MANAGE_CLAIM_NOT_FOUND' }),
    409: problemContent('The claim was already decided.', { status: 409, code: 'DIRECTORY_MANAGE_ALREADY_DECIDED' }),
  },
});

const listPeopleRoute = publicRoute({
  method: 'get',
  path: '/organisations/{slug}/people',
  tags: [TAG],
  operationId: 'listOrganisationPeople',
  summary: 'People of an organisation',
  description:
    'Anyone sees the people who agreed to be listed (name and job title). The organisation’s managers see everyone, with their details (`managed: true`).',
  request: { params: slugParams },
  responses: {
    200: jsonContent(
      z
        .discriminatedUnion('managed', [
          z.object({ managed: z.literal(false), items: z.array(listedPersonSchema) }),
          z.object({ managed: z.literal(true), items: z.array(managedPersonSchema) }),
        ])
        .meta({ id: 'PeopleList' }),
      'The people.',
    ),
    404: notFound,
  },
});

const addPersonRoute = protectedRoute({
  method: 'post',
  path: '/organisations/{slug}/people',
  tags: [TAG],
  operationId: 'addOrganisationPerson',
  summary: 'Add a person to an organisation',
  description:
    'For the organisation’s managers. Gender is optional and self-declared; the person is listed publicly only with `listedConsent`.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: personInputSchema } } } },
  responses: { 201: jsonContent(managedPersonSchema, 'The person as added.'), 403: forbidden, 404: notFound },
});

const personParams = z.object({ slug: slugSchema, personId: z.string().min(1).max(64) });

const personNotFound = problemContent(
  'No organisation has this slug (`DIRECTORY_MANAGE_NOT_FOUND`), or it has no person with this id (`DIRECTORY_MANAGE_PERSON_NOT_FOUND`).',
  {
    status: 404,
    code: 'DIRECTORY_MANAGE_PERSON_NOT_FOUND',
  },
);

const linkPersonAccountRoute = protectedRoute({
  method: 'put',
  path: '/organisations/{slug}/people/{personId}/account',
  tags: [TAG],
  operationId: 'linkOrganisationPersonAccount',
  summary: 'Link a person to an account',
  description:
    'For the organisation’s managers: links the person to the existing account whose holder verified this e-mail (an unverified address counts as no account). Anyone else gets 403 before the e-mail is looked up, so only managers learn whether an account has it. An account belongs to one person. Idempotent; audited as `directory.person.link`.',
  request: {
    params: personParams,
    body: { required: true, content: { 'application/json': { schema: personAccountInputSchema } } },
  },
  responses: {
    200: jsonContent(managedPersonSchema, 'The person, linked (`hasAccount: true`).'),
    400: problemContent(
      'The e-mail is malformed (`COMMON_VALIDATION_FAILED`), or no account has it verified (`DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND`); `errors` names the field.',
      { status: 400, code: 'DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND', fields: [{ field: 'email', code: 'account_not_found' }] },
    ),
    403: forbidden,
    404: personNotFound,
    409: problemContent('The account is already linked to another person; nothing was changed.', {
      status: 409,
      code: 'DIRECTORY_PEOPLE_ACCOUNT_TAKEN',
      fields: [{ field: 'email', code: 'taken' }],
    }),
  },
});

const unlinkPersonAccountRoute = protectedRoute({
  method: 'delete',
  path: '/organisations/{slug}/people/{personId}/account',
  tags: [TAG],
  operationId: 'unlinkOrganisationPersonAccount',
  summary: 'Unlink a person from their account',
  description:
    'For the organisation’s managers: the person is no longer linked to an account; the account itself stays. Idempotent (a person without an account changes nothing); audited as `directory.person.unlink`.',
  request: { params: personParams },
  responses: { 204: { description: 'The person is not linked to any account.' }, 403: forbidden, 404: personNotFound },
});

export function createOrganisationAdminApi() {
  return createApiRouter()
    .openapi(createOrganisationRoute, async (c) => c.json(await createOrganisation(currentUser(c), c.req.valid('json')), 201))
    .openapi(updateOrganisationRoute, async (c) =>
      c.json(await updateOrganisation(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200),
    )
    .openapi(claimOrganisationRoute, async (c) =>
      c.json(await claimOrganisation(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201),
    )
    .openapi(decideProposalRoute, async (c) =>
      c.json(await decideProposal(currentUser(c), c.req.valid('param').slug, c.req.valid('json').decision), 200),
    )
    .openapi(decideClaimRoute, async (c) =>
      c.json(await decideClaim(currentUser(c), c.req.valid('param').id, c.req.valid('json').decision), 200),
    )
    .openapi(listPeopleRoute, async (c) => {
      const list = await listPeople(c.get('actor') ?? anonymous, c.req.valid('param').slug);
      return c.json(list.managed ? { managed: true as const, items: list.people } : { managed: false as const, items: list.people }, 200);
    })
    .openapi(addPersonRoute, async (c) => c.json(await addPerson(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201))
    .openapi(linkPersonAccountRoute, async (c) => {
      const { slug, personId } = c.req.valid('param');
      return c.json(await linkPersonAccount(currentUser(c), slug, personId, c.req.valid('json')), 200);
    })
    .openapi(unlinkPersonAccountRoute, async (c) => {
      const { slug, personId } = c.req.valid('param');
      await unlinkPersonAccount(currentUser(c), slug, personId);
      return c.body(null, 204);
    });
}
