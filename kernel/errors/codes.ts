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
  MigrationFailed: defineError<{ owner: string; migrations: string; reason: string }>({
    code: 'ORN_DB_MIGRATION_FAILED',
    category: 'internal',
    title: 'Migration failed',
    detail: (p) => `The ${p.owner} migrations ${p.migrations} failed and were all rolled back: ${p.reason}`,
  }),
  AppRole: defineError<{ detail: string }>({
    code: 'ORN_DB_APP_ROLE',
    category: 'internal',
    title: 'Application database role unusable',
    detail: (p) => p.detail,
  }),
  TenantScope: defineError<{ detail: string }>({
    code: 'ORN_DB_TENANT_SCOPE',
    category: 'internal',
    title: 'Invalid tenant scope',
    detail: (p) => p.detail,
  }),
} as const;
