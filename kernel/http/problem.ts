import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** RFC 9457 problem details, with Orion's extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errorId?: string;
  requestId?: string;
  plugin?: string;
  /** Field-level messages for invalid input, keyed by field path. */
  errors?: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where a code is explained; `type` must be a URI, and this one resolves within the docs. */
export function problemType(code: string): string {
  return `/docs/reference/errors#${code.toLowerCase()}`;
}

export function problemResponse(c: Context, problem: Omit<Problem, 'type'> & { type?: string }): Response {
  const body: Problem = { type: problemType(problem.code), ...problem, instance: problem.instance ?? c.req.path };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, { 'content-type': PROBLEM_CONTENT_TYPE });
}

/**
 * JSON for API clients, HTML for people: everything under /api, and any request that asks for JSON rather than
 * HTML, gets problem+json.
 */
export function wantsJson(c: Context): boolean {
  const path = c.req.path;
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/health') || path === '/metrics') return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('json') && !accept.includes('text/html');
}
