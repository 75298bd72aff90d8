import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { captureLogs } from '../testing/log-capture.js';
import { CSRF_FIELD, csrfProtection, csrfToken, rotateCsrfToken } from './csrf.js';

const SECRET = 'csrf-test-secret-that-is-long-enough-0123456789';

function area(options: { secure?: boolean; trustedOrigins?: string[]; logger?: pino.Logger } = {}) {
  const app = new Hono();
  app.use('*', csrfProtection({ secret: SECRET, secure: options.secure ?? false, ...options }));
  app.get('/admin/users/new', (c) =>
    c.html(
      `<meta name="csrf-token" content="${c.get('csrfToken')}"><form method="post"><input type="hidden" name="${CSRF_FIELD}" value="${csrfToken(c)}"><input name="name"></form>`,
    ),
  );
  app.post('/admin/users', async (c) => c.text(`created ${(await c.req.parseBody()).name}`));
  app.delete('/vendor/acme/products/1', (c) => c.text('deleted'));
  app.post('/admin/sign-in', (c) => c.json({ token: rotateCsrfToken(c) }));
  app.post('/api/v1/admin/plugins/x/install', (c) => c.json({ ok: true }));
  return app;
}

/** A browser: keeps the cookies it is given, and reads the form's token from the page. */
async function browser(app: Hono) {
  const res = await app.request('http://shop.test/admin/users/new');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const html = await res.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, token, html, setCookie: res.headers.get('set-cookie') ?? '' };
}

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
  };
}

describe('CSRF protection', () => {
  it('accepts a form sent with its hidden token, and the route still reads the form', async () => {
    const app = area();
    const { cookie, token } = await browser(app);
    const res = await app.request(
      'http://shop.test/admin/users',
      form({ _csrf: token, name: 'Ada' }, { cookie, origin: 'http://shop.test' }),
    );
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'created Ada');
  });

  it('gives each browser a secret cookie that scripts cannot read, and the same token to the layout', async () => {
    const { setCookie, token, html } = await browser(area());
    assert.match(setCookie, /^orion-csrf=[A-Za-z0-9_-]{43}; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    assert.ok(html.includes(`<meta name="csrf-token" content="${token}">`));
    const secure = await browser(area({ secure: true }));
    assert.match(secure.setCookie, /^__Host-orion-csrf=.*; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('refuses a form without a token with a 403 page that tells the person what to do', async () => {
    const app = area();
    const { cookie } = await browser(app);
    const res = await app.request('http://shop.test/admin/users', form({ name: 'Ada' }, { cookie }));
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const page = await res.text();
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /the request carried no CSRF token/);
    assert.match(page, /Reload the page and send it again/);
  });

  it('refuses a wrong token, and a token made for another browser', async () => {
    const app = area();
    const alice = await browser(app);
    const mallory = await browser(app);
    assert.notEqual(alice.cookie, mallory.cookie);
    const tampered = `${alice.token.slice(0, -2)}${alice.token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const token of [tampered, 'nonsense', mallory.token]) {
      const res = await app.request(
        'http://shop.test/admin/users',
        form({ _csrf: token, name: 'x' }, { cookie: alice.cookie }),
      );
      assert.equal(res.status, 403, `token ${token} was accepted`);
      assert.match(await res.text(), /not valid for this browser/);
    }
  });

  it('refuses a token sent without the cookie it belongs to', async () => {
    const app = area();
    const { token } = await browser(app);
    const res = await app.request('http://shop.test/admin/users', form({ _csrf: token }));
    assert.equal(res.status, 403);
    assert.match(await res.text(), /no CSRF cookie/);
  });

  it('accepts htmx requests that carry the token in the X-CSRF-Token header, DELETE included', async () => {
    const app = area();
    const { cookie, token } = await browser(app);
    const res = await app.request('http://shop.test/vendor/acme/products/1', {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': token, 'hx-request': 'true', 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'deleted');
    const without = await app.request('http://shop.test/vendor/acme/products/1', {
      method: 'DELETE',
      headers: { cookie, 'hx-request': 'true' },
    });
    assert.equal(without.status, 403);
  });

  it('refuses a cross-site form even with a valid token, and trusts only the origins it is told to', async () => {
    const app = area({ trustedOrigins: ['https://admin.example.com'] });
    const { cookie, token } = await browser(app);
    const post = (headers: Record<string, string>) =>
      app.request('http://shop.test/admin/users', form({ _csrf: token, name: 'x' }, { cookie, ...headers }));
    assert.equal((await post({ origin: 'https://evil.example' })).status, 403);
    assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ origin: 'null' })).status, 403);
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'same-site' })).status, 403);
    assert.equal((await post({ origin: 'http://shop.test.evil.example' })).status, 403);
    assert.equal((await post({ origin: 'https://shop.test', 'sec-fetch-site': 'same-origin' })).status, 200);
    assert.equal((await post({ origin: 'https://admin.example.com', 'sec-fetch-site': 'same-site' })).status, 200);
    assert.match(await (await post({ origin: 'https://evil.example' })).text(), /sent from another site/);
  });

  it('accepts our own form posted with Origin: null, as Chromium sends under Referrer-Policy: no-referrer', async () => {
    const app = area();
    const { cookie, token } = await browser(app);
    const post = (headers: Record<string, string>, fields: Record<string, string>) =>
      app.request('http://shop.test/admin/users', form(fields, { cookie, origin: 'null', ...headers }));
    assert.equal((await post({ 'sec-fetch-site': 'same-origin' }, { _csrf: token, name: 'x' })).status, 200);
    assert.equal((await post({ 'sec-fetch-site': 'same-origin' }, { name: 'x' })).status, 403, 'still needs the token');
  });

  it('answers API clients with problem+json', async () => {
    const app = area();
    const res = await app.request('http://shop.test/admin/users', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as { code: string; type: string; detail: string };
    assert.equal(problem.code, 'ORN_HTTP_CSRF_REJECTED');
    assert.equal(problem.type, '/docs/reference/errors#orn_http_csrf_rejected');
    assert.match(problem.detail, /no CSRF cookie/);
  });

  it('lets requests with a bearer token and paths under /api through without a token', async () => {
    const app = area();
    const bearer = await app.request(
      'http://shop.test/admin/users',
      form({ name: 'Api' }, { authorization: 'Bearer eyJhbGciOi.x.y' }),
    );
    assert.equal(bearer.status, 200);
    const api = await app.request('http://shop.test/api/v1/admin/plugins/x/install', { method: 'POST' });
    assert.equal(api.status, 200);
    const basic = await app.request(
      'http://shop.test/admin/users',
      form({ name: 'x' }, { authorization: 'Basic eA==' }),
    );
    assert.equal(basic.status, 403, 'only bearer tokens are exempt');
  });

  it('stops accepting old tokens once the token is rotated at sign-in', async () => {
    const app = area();
    const { cookie, token } = await browser(app);
    const signIn = await app.request('http://shop.test/admin/sign-in', form({ _csrf: token }, { cookie }));
    assert.equal(signIn.status, 200);
    const fresh = (await signIn.json()) as { token: string };
    const newCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.notEqual(newCookie, cookie);
    const old = await app.request('http://shop.test/admin/users', form({ _csrf: token }, { cookie: newCookie }));
    assert.equal(old.status, 403);
    const ok = await app.request(
      'http://shop.test/admin/users',
      form({ _csrf: fresh.token, name: 'y' }, { cookie: newCookie }),
    );
    assert.equal(ok.status, 200);
  });

  it('logs each refusal with its reason', async () => {
    const { destination, lines } = captureLogs();
    const app = area({ logger: pino(destination) });
    await app.request('http://shop.test/admin/users', form({ name: 'x' }, { origin: 'https://evil.example' }));
    const line = lines.find((l) => l.msg === 'csrf: request refused');
    assert.equal(line?.path, '/admin/users');
    assert.equal(line?.reason, 'it was sent from another site (https://evil.example)');
  });

  it('tells a developer who calls csrfToken on a route without the middleware', async () => {
    const app = new Hono();
    app.get('/page', (c) => c.text(csrfToken(c)));
    app.onError((err, c) => c.text(err.message, 500));
    assert.match(await (await app.request('/page')).text(), /csrfToken\(c\) needs csrfProtection\(\)/);
  });
});
