/**
 * The API kit every module's `<module>.api.server.ts` builds on:
 * - `createApiRouter()`: an OpenAPI-aware Hono router whose failed request validation answers 400
 *   problem+json naming each bad field, and whose errors all become RFC 9457 problems;
 * - `resolveActor(resolver)`: turns the request's credentials (bearer token or session cookie)
 *   into the `Actor` once, for every operation;
 * - `publicRoute(...)` / `protectedRoute(...)`: route definitions with the shared error responses
 *   documented; a protected one answers 401 to anonymous callers BEFORE its input is validated,
 *   so an anonymous caller learns nothing about the payload and nothing runs.
 *
 * Usage in a module:
 *   const getThing = protectedRoute({ method: 'get', path: '/things/{id}', tags: ['things'], ... });
 *   export function createThingsApi() {
 *     return createApiRouter().openapi(getThing, async (c) => c.json(await getThing(currentUser(c), ...), 200));
 *   }
 */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ZodError } from 'zod';
import type { Actor, UserActor } from '../auth/actor.ts';
import { anonymous } from '../auth/actor.ts';
import { AppError, CommonErrors, type FieldIssue } from '../errors.ts';
import { toFieldIssues } from '../validation.ts';
import { buildProblem, respondWithProblem } from './errors.server.ts';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.ts';

export type ApiEnv = {
  Variables: {
    /** Set by the front door's request-id middleware. */
    requestId: string;
    /** Set by `resolveActor`; anonymous when the request carries no credentials. */
    actor: Actor;
  };
};

export type ApiRouter = OpenAPIHono<ApiEnv>;

/** Name of the bearer security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearerAuth';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Zod reports a missing value and a value of the wrong type alike (`invalid_type`) unless asked to
 * keep the input; the validator hands us the raw input, so a present value is not called "required".
 */
function fieldIssuesOf(error: ZodError, input: unknown): FieldIssue[] {
  return toFieldIssues(error).map((issue, index) => {
    const path = error.issues[index]?.path ?? [];
    return issue.code === 'required' && valueAt(input, path) !== undefined ? { ...issue, code: 'invalid_type' } : issue;
  });
}

export function createApiRouter(): ApiRouter {
  const router = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      // @hono/zod-validator passes the raw input as `data` on failure too (its types omit it).
      if (!result.success) throw CommonErrors.validation(fieldIssuesOf(result.error, (result as { data?: unknown }).data));
    },
  });
  router.onError(respondWithProblem);
  return router;
}

/**
 * Resolves the caller once per request. The resolver throws an `AppError` (401) for credentials
 * that are present but not valid (revoked or expired token), which the router answers as a problem.
 */
export function resolveActor(resolver: (headers: Headers) => Promise<Actor>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('actor', await resolver(c.req.raw.headers));
    await next();
  };
}

/** The signed-in caller, or a 401 problem. */
export function currentUser(c: { get(key: 'actor'): Actor | undefined }): UserActor {
  const actor = c.get('actor') ?? anonymous;
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  return actor;
}

const requireUser: MiddlewareHandler<ApiEnv> = async (c, next) => {
  currentUser(c);
  await next();
};

const EXAMPLE_REQUEST_ID = '5f0c6a43-8d2e-4b7a-9a51-0c3e2f9d7b18';

/**
 * A response documented with the shared `Problem` schema and, as its example, exactly what the
 * server answers for that error (in English).
 */
export function problemContent(description: string, error: { status: number; code: string; fields?: FieldIssue[] }) {
  const details = error.fields ? { fields: error.fields } : undefined;
  const example = buildProblem(new AppError(error.code, error.status, details), 'en', EXAMPLE_REQUEST_ID);
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema, example } } };
}

/** A JSON response documented with the given schema. */
export function jsonContent<S>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

type OperationConfig = Omit<RouteConfig, 'security' | 'middleware'>;

function hasInput(config: OperationConfig): boolean {
  const request = config.request;
  return Boolean(request?.body || request?.query || request?.params || request?.headers || request?.cookies);
}

function errorResponses(config: OperationConfig) {
  return {
    ...(hasInput(config)
      ? {
          400: problemContent('The request is malformed or a field is not valid; `errors` names each bad field.', {
            status: 400,
            code: 'COMMON_VALIDATION_FAILED',
            fields: [{ field: 'name', code: 'too_small' }],
          }),
        }
      : {}),
    401: problemContent('Credentials are missing, revoked or expired.', { status: 401, code: 'COMMON_UNAUTHENTICATED' }),
    500: problemContent('An unexpected error; quote the `instance` (request id) when reporting it.', {
      status: 500,
      code: 'COMMON_INTERNAL',
    }),
  };
}

/** An operation anyone may call; invalid credentials are still refused with 401. */
export function publicRoute<const C extends OperationConfig>(config: C) {
  return createRoute({ ...config, responses: { ...errorResponses(config), ...config.responses } });
}

/** An operation for signed-in callers (API token or session): 401 problem when anonymous. */
export function protectedRoute<const C extends OperationConfig>(config: C) {
  return createRoute({
    ...config,
    security: [{ [BEARER_SCHEME]: [] }],
    middleware: [requireUser] as const,
    responses: { ...errorResponses(config), ...config.responses },
  });
}
