import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AlertKind } from './components/alert.js';

export interface Flash {
  kind: AlertKind;
  text: string;
}

const COOKIE = 'orion_flash';

/**
 * A message for the next page the browser shows (after a POST → redirect), kept in a short-lived cookie. The layout
 * shows it once and deletes it. The text is rendered escaped, never as HTML.
 */
export function setFlash(c: Context, flash: Flash): void {
  const value = Buffer.from(JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, 300) })).toString('base64url');
  setCookie(c, COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 120 });
  c.set('flash', flash);
}

/** The pending message, if any: one set during this request, else one from the cookie (which is then deleted). */
export function takeFlash(c: Context): Flash | undefined {
  const own = c.get('flash');
  const raw = getCookie(c, COOKIE);
  if (raw !== undefined) deleteCookie(c, COOKIE, { path: '/' });
  if (own) return own;
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flash>;
    const kinds = ['success', 'error', 'info', 'warning'];
    if (typeof parsed.text !== 'string' || !kinds.includes(String(parsed.kind))) return undefined;
    return { kind: parsed.kind as Flash['kind'], text: parsed.text };
  } catch {
    return undefined;
  }
}

declare module 'hono' {
  interface ContextVariableMap {
    flash?: Flash;
  }
}
