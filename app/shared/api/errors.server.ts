/**
 * The API's one error handler: an `AppError` becomes RFC 9457 problem details titled in the
 * request's language; anything else becomes a 500 problem without internals, logged with the
 * request id so an operator can find it from what the client quotes.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, CommonErrors, type FieldIssue } from '../errors.ts';
import { loadCatalog, translate } from '../i18n/catalog.server.ts';
import { type Locale, negotiateLocale } from '../i18n/locales.ts';
import { logger } from '../logger.server.ts';
import { type FieldProblem, PROBLEM_CONTENT_TYPE, type Problem, problemTypeUri } from './problem.ts';

export const INTERNAL_ERROR_CODE = 'COMMON_INTERNAL';

/** Errors raised by the HTTP layer itself (body parsing, media types) in our vocabulary. */
function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 400:
      return new AppError('API_MALFORMED_REQUEST', 400);
    case 401:
      return CommonErrors.unauthenticated();
    case 403:
      return CommonErrors.forbidden();
    case 404:
      return CommonErrors.notFound();
    case 413:
      return new AppError('API_PAYLOAD_TOO_LARGE', 413);
    case 415:
      return new AppError('API_UNSUPPORTED_MEDIA_TYPE', 415);
    case 429:
      return CommonErrors.rateLimited();
    default:
      return new AppError(INTERNAL_ERROR_CODE, 500);
  }
}

/** The error as an `AppError`, or null when it is unexpected (a bug or an outage). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException && error.status < 500) return fromHttpException(error);
  return null;
}

function hasMessage(locale: Locale, key: string): boolean {
  return Object.hasOwn(loadCatalog(locale), key);
}

/** Titles come from `errors.<CODE>`; a code without a text still gets a translated title. */
function problemTitle(locale: Locale, code: string, status: number): string {
  const key = `errors.${code}`;
  if (hasMessage(locale, key)) return translate(locale, key);
  return translate(locale, status >= 500 ? `errors.${INTERNAL_ERROR_CODE}` : 'api.problem.untitled');
}

function fieldMessage(locale: Locale, code: string): string {
  const key = `errors.field.${code}`;
  return translate(locale, hasMessage(locale, key) ? key : 'errors.field.invalid');
}

/** Field issues keep their path and code; their message is re-translated, never a raw validator string. */
function toFieldProblems(locale: Locale, fields: FieldIssue[]): FieldProblem[] {
  return fields.map((issue) => ({ field: issue.field, code: issue.code, message: fieldMessage(locale, issue.code) }));
}

function problemDetail(locale: Locale, error: AppError, requestId: string): string | undefined {
  const fields = error.details?.fields;
  if (fields && fields.length > 0) return translate(locale, 'api.problem.invalidFields', { count: fields.length });
  if (error.status >= 500) return translate(locale, 'api.problem.reportWithReference', { requestId });
  const key = `api.problem.detail.${error.code}`;
  return hasMessage(locale, key) ? translate(locale, key) : undefined;
}

export function buildProblem(error: AppError, locale: Locale, requestId: string): Problem {
  const fields = error.details?.fields;
  const detail = problemDetail(locale, error, requestId);
  return {
    type: problemTypeUri(error.code),
    title: problemTitle(locale, error.code, error.status),
    status: error.status,
    ...(detail ? { detail } : {}),
    instance: requestId,
    code: error.code,
    ...(fields && fields.length > 0 ? { errors: toFieldProblems(locale, fields) } : {}),
  };
}

/** RFC 6750: tell a client without (valid) credentials how to authenticate. */
function authenticateChallenge(error: AppError): string | undefined {
  if (error.status !== 401) return undefined;
  return error.code === 'COMMON_UNAUTHENTICATED' ? 'Bearer realm="mosaic"' : 'Bearer realm="mosaic", error="invalid_token"';
}

/** Answers the error as problem+json; used as the API routers' `onError`. */
export function respondWithProblem(error: unknown, c: Context): Response {
  const requestId: string = c.get('requestId') ?? crypto.randomUUID();
  const locale = negotiateLocale(c.req.header('accept-language'));
  const appError = toAppError(error) ?? new AppError(INTERNAL_ERROR_CODE, 500);
  if (appError.status >= 500) logger.error({ requestId, err: error, method: c.req.method, path: c.req.path }, 'API request failed');
  const challenge = authenticateChallenge(appError);
  if (challenge) c.header('WWW-Authenticate', challenge);
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language', { append: true });
  c.header('Content-Type', PROBLEM_CONTENT_TYPE);
  return c.body(JSON.stringify(buildProblem(appError, locale, requestId)), appError.status as ContentfulStatusCode);
}
