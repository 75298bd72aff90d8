/** What kind of failure an error is; the category decides the HTTP status unless a definition overrides it. */
export type ErrorCategory =
  | 'input'
  | 'authentication'
  | 'not-allowed'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

export const categoryStatus: Record<ErrorCategory, number> = {
  input: 400,
  authentication: 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorDefinition<P> {
  /** `ORN_<AREA>_<WHAT>` for the kernel, `<PLUGIN_ID>_<WHAT>` for a plugin. Never reused. */
  code: string;
  category: ErrorCategory;
  /** Short, stable summary (problem+json `title`). */
  title: string;
  /** Specific explanation for one occurrence (problem+json `detail`). */
  detail: (params: P) => string;
  /** Overrides the category's status, e.g. 422 for input that parsed but is not acceptable. */
  status?: number;
  /** Response headers the answer carries, such as `Retry-After` for a `rate-limited` error. */
  headers?: (params: P) => Record<string, string>;
}

/** An expected failure with a code: shown as a 4xx answer or a form message, never as a 500. */
export class OrionError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly status: number;
  readonly title: string;
  /** The plugin that raised it, when one did. */
  plugin?: string;
  /** Field-level messages for input errors, keyed by field path. */
  fields?: Record<string, string>;
  /** Response headers for the error's answer (the error handler sets them). */
  headers?: Record<string, string>;

  constructor(definition: ErrorDefinition<never>, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.name = 'OrionError';
    this.code = definition.code;
    this.category = definition.category;
    this.status = definition.status ?? categoryStatus[definition.category];
    this.title = definition.title;
  }
}

export interface ErrorFactory<P> {
  (params: P, options?: { cause?: unknown; fields?: Record<string, string> }): OrionError;
  readonly code: string;
  readonly definition: ErrorDefinition<P>;
  /** True when `err` was made by this factory. */
  is(err: unknown): err is OrionError;
}

/**
 * Declares one coded error and returns a factory for it.
 *
 * @example
 * export const ConfigInvalid = defineError<{ errors: string }>({
 *   code: 'ORN_CONFIG_INVALID', category: 'input', title: 'Invalid configuration', detail: (p) => p.errors,
 * });
 * throw ConfigInvalid({ errors: 'PORT must be a number' });
 */
export function defineError<P = void>(definition: ErrorDefinition<P>): ErrorFactory<P> {
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(definition.code)) {
    throw new Error(`error code ${definition.code} must be upper snake case with a prefix, like ORN_HTTP_NOT_FOUND`);
  }
  const factory = ((params: P, options?: { cause?: unknown; fields?: Record<string, string> }) => {
    const err = new OrionError(definition as ErrorDefinition<never>, definition.detail(params), options);
    if (options?.fields) err.fields = options.fields;
    if (definition.headers) err.headers = definition.headers(params);
    return err;
  }) as ErrorFactory<P>;
  Object.defineProperty(factory, 'code', { value: definition.code });
  Object.defineProperty(factory, 'definition', { value: definition });
  Object.defineProperty(factory, 'is', {
    value: (err: unknown) => err instanceof OrionError && err.code === definition.code,
  });
  return factory;
}
