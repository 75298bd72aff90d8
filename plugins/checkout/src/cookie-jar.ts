import type { CartRequest } from './deps.js';

/**
 * A stand-in for a browser's request and response, with a cookie jar: lets server-side code (the demo seed) drive
 * the cart and the checkout the way a shopper's requests do, cookies included.
 */
export function cookieJar(url: string): CartRequest {
  const jar = new Map<string, string>();
  return {
    req: {
      url,
      header: (name: string) =>
        name.toLowerCase() === 'cookie' ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined,
    },
    header(name: string, value: string) {
      if (name.toLowerCase() !== 'set-cookie') return;
      const [pair = '', ...attrs] = value.split(';');
      const [k = '', ...v] = pair.split('=');
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0')) jar.delete(k.trim());
      else jar.set(k.trim(), v.join('='));
    },
  };
}
