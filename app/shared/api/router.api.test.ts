/**
 * The API kit on its own: operations defined the way modules define them, mounted behind the same
 * request-id middleware as the front door. No database: the kit itself does not touch one.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { anonymous, type UserActor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';
import { logger } from '../logger.server.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { createApiRouter, currentUser, jsonContent, protectedRoute, publicRoute, resolveActor } from './router.server.ts';

const member: UserActor = {
  kind: 'user',
  userId: 'u-1',
  email: 'member@example.org',
  name: 'Member',
  locale: 'en',
  emailVerified: true,
  twoFactorEnabled: false,
  grants: [],
  via: 'token',
};

const searchRoute = publicRoute({
  method: 'get',
  path: '/search',
  request: { query: z.object({ q: z.string().min(2), page: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonContent(z.object({ q: z.string(), page: z.number() }), 'Results.') },
});

const whoAmIRoute = protectedRoute({
  method: 'post',
  path: '/whoami',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ note: z.string().max(5) }) } } } },
  responses: { 200: jsonContent(z.object({ userId: z.string(), note: z.string() }), 'The caller.') },
});

const brokenRoute = publicRoute({ method: 'get', path: '/broken', responses: { 200: jsonContent(z.object({}), 'Never.') } });
const conflictRoute = publicRoute({ method: 'get', path: '/conflict', responses: { 200: jsonContent(z.object({}), 'Never.') } });

/** Callers authenticate with `Authorization: Bearer member`; anything else is anonymous. */
function createKitApp() {
  const handled = vi.fn();
  const api = createApiRouter();
  api.use(resolveActor(async (headers) => (headers.get('authorization') === 'Bearer member' ? member : anonymous)));
  api
    .openapi(searchRoute, (c) => c.json(c.req.valid('query'), 200))
    .openapi(whoAmIRoute, (c) => {
      handled();
      return c.json({ userId: currentUser(c).userId, note: c.req.valid('json').note }, 200);
    })
    .openapi(brokenRoute, () => {
      throw new Error('connection to 10.0.0.7 refused (password=hunter2)');
    })
    .openapi(conflictRoute, () => {
      throw new AppError('COMMON_CONFLICT', 409);
    });
  const app = new Hono();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.route('/api/v1', api);
  return { app, handled };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request validation', () => {
  it('names each bad query parameter with a code and a translated message', async () => {
    const { app } = createKitApp();
    const response = await app.request('/api/v1/search?q=a&page=zero', { headers: { 'Accept-Language': 'ar' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    const problem = (await response.json()) as { detail: string; errors: { field: string; code: string; message: string }[] };
    expect(problem.detail).toBe('حقلان غير صالحين.');
    expect(problem.errors).toEqual([
      { field: 'q', code: 'too_small', message: 'هذه القيمة قصيرة أو صغيرة جدًا.' },
      { field: 'page', code: 'invalid_type', message: 'هذه القيمة ليست من النوع المتوقع.' },
    ]);
  });

  it('passes valid input to the handler', async () => {
    const { app } = createKitApp();
    const response = await app.request('/api/v1/search?q=olive&page=2');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ q: 'olive', page: 2 });
  });

  it('reports a missing required body field as required', async () => {
    const { app } = createKitApp();
    const response = await app.request('/api/v1/whoami', {
      method: 'POST',
      headers: { Authorization: 'Bearer member', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      { field: 'note', code: 'required', message: 'This field is required.' },
    ]);
  });
});

describe('protected operations', () => {
  it('answer 401 to anonymous callers before validating or running anything', async () => {
    const { app, handled } = createKitApp();
    const response = await app.request('/api/v1/whoami', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"note": 42}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mosaic"');
    expect(await response.json()).toMatchObject({ code: 'COMMON_UNAUTHENTICATED', detail: expect.stringContaining('Authorization') });
    expect(handled).not.toHaveBeenCalled();
  });

  it('run for a signed-in caller', async () => {
    const { app, handled } = createKitApp();
    const response = await app.request('/api/v1/whoami', {
      method: 'POST',
      headers: { Authorization: 'Bearer member', 'Content-Type': 'application/json' },
      body: '{"note": "hi"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: 'u-1', note: 'hi' });
    expect(handled).toHaveBeenCalledOnce();
  });
});

describe('errors', () => {
  it('map an AppError to its status, stable type and translated title', async () => {
    const { app } = createKitApp();
    const response = await app.request('/api/v1/conflict', { headers: { 'Accept-Language': 'fr' } });
    expect(response.status).toBe(409);
    const requestIdHeader = response.headers.get('x-request-id');
    expect(await response.json()).toEqual({
      type: 'https://mosaic.example/problems/common-conflict',
      title: 'Ceci entre en conflit avec une modification faite entre-temps.',
      status: 409,
      instance: requestIdHeader,
      code: 'COMMON_CONFLICT',
    });
  });

  it('turn anything unexpected into a 500 problem without internals, logged with the request id', async () => {
    const logged = vi.spyOn(logger, 'error');
    const { app } = createKitApp();
    const response = await app.request('/api/v1/broken');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/10\.0\.0\.7|hunter2|connection|\n\s+at /);
    const problem = JSON.parse(body) as { code: string; instance: string; detail: string };
    expect(problem.code).toBe('COMMON_INTERNAL');
    expect(problem.instance).toBe(response.headers.get('x-request-id'));
    expect(problem.detail).toContain(problem.instance);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: problem.instance, err: expect.any(Error) }),
      'API request failed',
    );
  });
});
