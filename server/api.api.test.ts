/**
 * The public API as a whole: its OpenAPI 3.1 document (checked by a real validator), the
 * reference page served from our own origin, problems for unknown operations, request ids.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '#app/shared/api/problem.ts';
import { apiRequest, createTestApp, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import packageJson from '../package.json' with { type: 'json' };

describe('public API', () => {
  useTestDatabase();

  let app: TestApp;

  beforeAll(() => {
    app = createTestApp();
  });

  type OpenApiDocument = {
    openapi: string;
    info: { title: string; version: string };
    servers: { url: string }[];
    tags: { name: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
  };
  type Operation = {
    tags?: string[];
    security?: Record<string, string[]>[];
    responses: Record<string, { content?: Record<string, { schema: { $ref?: string }; example?: { status: number; code: string } }> }>;
  };

  async function openApiDocument(): Promise<OpenApiDocument> {
    const response = await apiRequest(app, '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return (await response.json()) as OpenApiDocument;
  }

  describe('GET /api/v1/openapi.json', () => {
    it('is a valid OpenAPI 3.1 document', async () => {
      const document = await openApiDocument();
      const validator = new Validator();
      const result = await validator.validate(document as unknown as Record<string, unknown>);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe('3.1');
    });

    it('describes the operations, the bearer scheme, the server and the version', async () => {
      const document = await openApiDocument();
      expect(document.info).toMatchObject({ title: 'Mosaic API', version: packageJson.version });
      expect(document.servers).toEqual([{ url: `${TEST_ORIGIN}/api/v1` }]);
      // Modules add their own tags and paths: these are the foundation's, each module's API test checks its own.
      expect(document.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['identity', 'directory']));
      expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/countries', '/me', '/me/sessions', '/sectors']));
      expect(Object.keys(document.paths['/me'] ?? {}).sort()).toEqual(['get', 'patch']);
      expect(document.paths['/me']?.get?.security).toEqual([{ bearerAuth: [] }]);
      expect(document.paths['/countries']?.get?.security).toBeUndefined();
      expect(document.components.schemas).toHaveProperty('Problem');
      expect(document.components.schemas).toHaveProperty('Me');
      expect(document.components.schemas).toHaveProperty('Country');
    });

    it('describes every error response with the shared Problem schema', async () => {
      const document = await openApiDocument();
      const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
      expect(operations.length).toBeGreaterThan(0);
      for (const operation of operations) {
        expect(operation.tags?.length).toBe(1);
        const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
        expect(errors.map(([status]) => status)).toEqual(expect.arrayContaining(['401', '500']));
        for (const [status, response] of errors) {
          const problem = response.content?.[PROBLEM_CONTENT_TYPE];
          expect(problem?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
          expect(ProblemSchema.parse(problem?.example)).toMatchObject({ status: Number(status) });
        }
      }
    });
  });

  describe('the public API', () => {
    it('answers an unknown operation with a 404 problem, not an HTML page', async () => {
      const response = await apiRequest(app, '/api/v1/no-such-thing', { headers: { 'Accept-Language': 'ar' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(await response.json()).toMatchObject({ code: 'COMMON_NOT_FOUND', status: 404 });
    });

    it('gives every response a request id, keeping a well-formed one sent by the client', async () => {
      const responses = await Promise.all([
        apiRequest(app, '/api/v1/openapi.json'),
        apiRequest(app, '/api/v1/me'),
        apiRequest(app, '/api/v1/nothing-here'),
        apiRequest(app, '/api/docs'),
        apiRequest(app, '/api/docs/assets/init.js'),
      ]);
      for (const response of responses) expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const traced = await apiRequest(app, '/api/v1/me', { headers: { 'X-Request-Id': 'client-trace-42' } });
      expect(traced.headers.get('x-request-id')).toBe('client-trace-42');
      expect(((await traced.json()) as { instance: string }).instance).toBe('client-trace-42');
    });
  });

  describe('GET /api/docs', () => {
    it('serves the reference page from our origin only, with no inline script', async () => {
      const response = await apiRequest(app, '/api/docs', { headers: { 'Accept-Language': 'fr' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+'/);
      const page = await response.text();
      expect(page).toMatch(/<html lang="fr" dir="ltr">/);
      expect(page).toContain('Référence de l’API Mosaic');
      const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map((s) => s[1]?.trim())).toEqual(['src="/api/docs/assets/swagger-ui-bundle.js"', 'src="/api/docs/assets/init.js"']);
      expect(scripts.every((s) => s[2] === '')).toBe(true);
      // Nothing is fetched from elsewhere: every src and href is a path on this origin.
      const urls = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) expect(url).toMatch(/^\/(?!\/)/);
    });

    it('redirects the address with a trailing slash to the page', async () => {
      const response = await apiRequest(app, '/api/docs/');
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/api/docs');
    });

    it('is right-to-left in Arabic', async () => {
      const page = await (await apiRequest(app, '/api/docs', { headers: { 'Accept-Language': 'ar' } })).text();
      expect(page).toMatch(/<html lang="ar" dir="rtl">/);
      expect(page).toContain('مرجع واجهة برمجة Mosaic');
    });

    it('serves Swagger UI and the start script from node_modules and our files, with the validator badge off', async () => {
      const compressed = await apiRequest(app, '/api/docs/assets/swagger-ui-bundle.js', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(compressed.headers.get('content-encoding')).toBe('gzip');
      const bundle = await apiRequest(app, '/api/docs/assets/swagger-ui-bundle.js');
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await bundle.text()).length).toBeGreaterThan(100_000);
      const css = await apiRequest(app, '/api/docs/assets/swagger-ui.css');
      expect(css.headers.get('content-type')).toMatch(/^text\/css/);
      const init = await apiRequest(app, '/api/docs/assets/init.js');
      const script = await init.text();
      expect(script).toContain('validatorUrl: null');
      expect(script).not.toMatch(/https?:\/\//);
    });

    it('serves nothing but its listed files', async () => {
      for (const name of ['package.json', '..%2Fpackage.json', 'index.html', 'swagger-initializer.js']) {
        const response = await apiRequest(app, `/api/docs/assets/${name}`);
        expect(response.status, name).not.toBe(200);
      }
    });
  });
});
