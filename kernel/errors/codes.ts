import { defineError } from './define-error.js';

/**
 * The kernel's error codes, one table. Each code is documented in docs/reference/errors.md (checked by
 * codes.test.ts) and never reused for another meaning.
 */
export const KernelErrors = {
  ConfigInvalid: defineError<{ errors: string }>({
    code: 'ORN_CONFIG_INVALID',
    category: 'input',
    title: 'Invalid configuration',
    detail: (p) => p.errors,
  }),
  NotFound: defineError<{ path: string }>({
    code: 'ORN_HTTP_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `Nothing is served at ${p.path}.`,
  }),
  MethodNotAllowed: defineError<{ method: string; path: string }>({
    code: 'ORN_HTTP_METHOD_NOT_ALLOWED',
    category: 'input',
    status: 405,
    title: 'Method not allowed',
    detail: (p) => `${p.method} is not allowed on ${p.path}.`,
  }),
  BadRequest: defineError<{ reason: string }>({
    code: 'ORN_HTTP_BAD_REQUEST',
    category: 'input',
    title: 'Bad request',
    detail: (p) => p.reason,
  }),
  ValidationFailed: defineError<{ summary: string }>({
    code: 'ORN_HTTP_VALIDATION_FAILED',
    category: 'input',
    status: 422,
    title: 'The request is not valid',
    detail: (p) => p.summary,
  }),
  BodyTooLarge: defineError<{ limit: number }>({
    code: 'ORN_HTTP_BODY_TOO_LARGE',
    category: 'too-large',
    title: 'Request body too large',
    detail: (p) => `The request body is larger than the limit of ${p.limit} bytes.`,
  }),
  Internal: defineError<void>({
    code: 'ORN_HTTP_INTERNAL',
    category: 'internal',
    title: 'Internal server error',
    detail: () => 'Something went wrong on our side. Quote the error id when you report it.',
  }),
  NotReady: defineError<{ reason: string }>({
    code: 'ORN_HTTP_NOT_READY',
    category: 'unavailable',
    title: 'Not ready',
    detail: (p) => p.reason,
  }),
  DatabaseLocked: defineError<{ detail: string }>({
    code: 'ORN_DB_LOCKED',
    category: 'conflict',
    title: 'Embedded database in use',
    detail: (p) => p.detail,
  }),
  MigrationName: defineError<{ detail: string }>({
    code: 'ORN_DB_MIGRATION_NAME',
    category: 'internal',
    title: 'Badly named migration',
    detail: (p) => p.detail,
  }),
  MigrationFailed: defineError<{ migration: string; reason: string }>({
    code: 'ORN_DB_MIGRATION_FAILED',
    category: 'internal',
    title: 'Migration failed',
    detail: (p) => `Migration ${p.migration} failed and was rolled back: ${p.reason}`,
  }),
} as const;
