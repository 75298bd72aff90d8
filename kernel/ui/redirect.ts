import type { Context } from 'hono';
import { isHtmxRequest } from './shell.js';

/**
 * After a successful POST: 303 to `location`, so that a reload does not post again. An htmx request gets
 * `HX-Redirect` instead (fetch would follow a 303 and swap the whole next page into a fragment).
 */
export function seeOther(c: Context, location: string): Response {
  if (isHtmxRequest(c)) {
    c.header('HX-Redirect', location);
    return c.body(null, 200);
  }
  return c.redirect(location, 303);
}

/** A `next` parameter is followed only when it is a path inside `root`: never another site (`//evil`, `https:`). */
export function safeNext(next: string | undefined, root: string): string {
  if (!next?.startsWith(root) || next.startsWith('//') || next.includes('\\')) return root;
  return next;
}
