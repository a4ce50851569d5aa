/**
 * The identity module's public API operations: the caller's own profile (`/me`) and sessions.
 * Adapters only: authenticate (the kit's `protectedRoute`), parse (the Zod contracts), call one
 * service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { NAME_MAX_LENGTH, updateProfileInput } from './account.contracts.ts';
import { getProfile, listSessions, updateProfile } from './account.service.server.ts';
import { GENDERS, SCOPE_TYPES } from './identity.schema.ts';

const TAG = 'identity';

const roleGrantSchema = z
  .object({
    role: z.string().meta({ example: 'cluster_manager' }),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: z.string().nullable().meta({
      description: 'Null for global grants; otherwise the id or code of the country, cluster, organisation or event.',
      example: 'TN',
    }),
  })
  .meta({ id: 'RoleGrant', description: 'A role the caller holds and where it applies.' });

const meSchema = z
  .object({
    id: z.string(),
    name: z.string().max(NAME_MAX_LENGTH).meta({ example: 'Salma Ben Ali' }),
    email: z.email().meta({ example: 'salma@example.org' }),
    locale: z.enum(LOCALES).meta({ description: 'Preferred language for the interface and for mail.' }),
    gender: z.enum(GENDERS).nullable().meta({ description: 'Self-declared and optional; used only for disaggregated statistics.' }),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    roles: z.array(roleGrantSchema),
  })
  .meta({ id: 'Me', description: 'The caller’s own profile.' });

/** PATCH semantics: what is left out keeps its stored value; `gender: null` (or "") clears it. */
const updateMeSchema = updateProfileInput.partial().meta({ id: 'UpdateMe', description: 'The profile fields to change.' });

const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    lastActiveAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    ipAddress: z.string().nullable(),
    device: z
      .object({ browser: z.string().nullable(), os: z.string().nullable() })
      .meta({ description: 'Browser and system, as told by the user agent.' }),
    current: z.boolean().meta({ description: 'True for the session this request was made with.' }),
  })
  .meta({ id: 'Session', description: 'A signed-in browser session.' });

const getMeRoute = protectedRoute({
  method: 'get',
  path: '/me',
  tags: [TAG],
  operationId: 'getMe',
  summary: 'Your profile',
  description:
    'The profile of the caller: name, email, preferred language, optional gender, two-factor status and roles with their scopes.',
  responses: { 200: jsonContent(meSchema, 'The caller’s profile.') },
});

const updateMeRoute = protectedRoute({
  method: 'patch',
  path: '/me',
  tags: [TAG],
  operationId: 'updateMe',
  summary: 'Update your profile',
  description: 'Changes the name, preferred language and/or gender. Fields left out keep their value; `gender: null` clears it. Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: updateMeSchema } } } },
  responses: {
    200: jsonContent(meSchema, 'The updated profile.'),
    403: problemContent('Staff acting on behalf of someone cannot change that person’s profile.', {
      status: 403,
      code: 'COMMON_FORBIDDEN',
    }),
  },
});

const listSessionsRoute = protectedRoute({
  method: 'get',
  path: '/me/sessions',
  tags: [TAG],
  operationId: 'listMySessions',
  summary: 'Your sessions',
  description: 'The browser sessions signed in to your account (at most 50, most recent first).',
  responses: {
    200: jsonContent(z.object({ items: z.array(sessionSchema) }).meta({ id: 'SessionList' }), 'The caller’s active sessions.'),
    403: problemContent('Staff acting on behalf of someone cannot list that person’s sessions.', { status: 403, code: 'COMMON_FORBIDDEN' }),
  },
});

function rolesOf(actor: UserActor) {
  return actor.grants.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId }));
}

export function createIdentityApi() {
  return createApiRouter()
    .openapi(getMeRoute, async (c) => {
      const actor = currentUser(c);
      const profile = await getProfile(actor);
      return c.json({ ...profile, roles: rolesOf(actor) }, 200);
    })
    .openapi(updateMeRoute, async (c) => {
      const actor = currentUser(c);
      const changes = c.req.valid('json');
      // The actor carries the stored name and language, so a partial change needs no extra read.
      const profile = await updateProfile(actor, {
        name: changes.name ?? actor.name,
        locale: changes.locale ?? actor.locale,
        gender: changes.gender,
      });
      return c.json({ ...profile, roles: rolesOf(actor) }, 200);
    })
    .openapi(listSessionsRoute, async (c) => {
      const sessions = await listSessions(currentUser(c));
      return c.json(
        {
          items: sessions.map((s) => ({
            ...s,
            createdAt: s.createdAt.toISOString(),
            lastActiveAt: s.lastActiveAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
          })),
        },
        200,
      );
    });
}
