/**
 * One error type for the whole application. `code` is module-prefixed SCREAMING_SNAKE
 * (`IDENTITY_TOKEN_NOT_FOUND`) and doubles as the i18n key `errors.<CODE>`, so the API can answer
 * RFC 9457 problem+json and the UI can show a translated message without ever showing a raw
 * server string.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `email` or `items.2.name`. */
  field: string;
  /** Translatable code of the problem, e.g. `too_small`, `invalid_format`. */
  code: string;
  message?: string;
}

export interface AppErrorDetails {
  fields?: FieldIssue[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: AppErrorDetails | undefined;

  constructor(code: string, status: number, details?: AppErrorDetails) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Common codes shared by every module.
export const CommonErrors = {
  validation: (fields: FieldIssue[]) => new AppError('COMMON_VALIDATION_FAILED', 400, { fields }),
  unauthenticated: () => new AppError('COMMON_UNAUTHENTICATED', 401),
  forbidden: () => new AppError('COMMON_FORBIDDEN', 403),
  notFound: () => new AppError('COMMON_NOT_FOUND', 404),
  conflict: () => new AppError('COMMON_CONFLICT', 409),
  rateLimited: () => new AppError('COMMON_RATE_LIMITED', 429),
};
