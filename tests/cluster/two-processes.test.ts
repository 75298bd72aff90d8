import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import type { Database } from '../../kernel/db/database.js';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import { DIST, ROOT } from '../../kernel/paths.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const MAIN = path.join(DIST, 'kernel', 'main.js');
const HELLO = path.join(ROOT, 'tests', 'fixtures', 'plugins', 'hello');
const serverUrl = process.env.DATABASE_URL;
const skip = serverUrl ? false : 'needs DATABASE_URL: the embedded database serves one process only';

interface Node {
  child: ChildProcess;
  url: string;
}

async function startNode(env: Record<string, string | undefined>): Promise<Node> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c;
      const match = /Orion is ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`node exited with ${code}: ${err}`)));
  });
  return { child, url };
}

/** Polls until `check` passes; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not converged within ${ms} ms`);
}

for (const transport of ['postgres', 'redis'] as const) {
  const transportSkip = skip || (transport === 'redis' && !process.env.REDIS_URL ? 'REDIS_URL is not set' : false);
  describe(`two kernel processes on one database (${transport} broadcast)`, { skip: transportSkip }, () => {
    let db: Database;
    const nodes: Node[] = [];
    let token = '';

    before(async () => {
      db = await createTestDatabase();
      const url = new URL(serverUrl as string);
      url.pathname = `/${db.location.split('/').pop()}`;
      const env = {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        SEED_DEMO: 'false',
        BCRYPT_COST: '4',
        ORION_ADMIN_EMAIL: 'cluster@example.com',
        ORION_ADMIN_PASSWORD: 'cluster-password',
        DATABASE_URL: url.toString(),
        REDIS_URL: transport === 'redis' ? process.env.REDIS_URL : undefined,
        PLUGIN_DIRS: HELLO,
      };
      nodes.push(await startNode(env));
      nodes.push(await startNode(env)); // after the first, so that only one runs the migrations
      const res = await fetch(`${nodes[0]?.url}/api/v1/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'cluster@example.com', password: 'cluster-password' }),
      });
      token = ((await res.json()) as { accessToken: string }).accessToken;
    });

    after(async () => {
      for (const node of nodes) {
        node.child.kill('SIGTERM');
        await new Promise((r) => node.child.once('exit', r));
      }
      await db.close();
    });

    const admin = (node: Node, p: string) =>
      fetch(`${node.url}${p}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ cascade: true }),
      });
    const greeting = async (node: Node) => (await fetch(`${node.url}/api/v1/shop/hello/greeting`)).status;

    it('applies a plugin change made on one process on the other within a second', async () => {
      const [a, b] = nodes as [Node, Node];
      assert.equal(await greeting(b), 404);
      assert.equal((await admin(a, '/api/v1/admin/plugins/hello/install')).status, 200);
      assert.equal((await admin(a, '/api/v1/admin/platforms/main/plugins/hello/enable')).status, 200);
      const tookOn = await within(1000, async () => (await greeting(b)) === 200);

      assert.equal((await admin(b, '/api/v1/admin/platforms/main/plugins/hello/disable')).status, 200);
      const tookOff = await within(1000, async () => (await greeting(a)) === 404);
      assert.ok(tookOn < 1000 && tookOff < 1000);
    });

    it('shows a theme published in the editor on one process in the shop on the other within a second', async () => {
      const [a, b] = nodes as [Node, Node];
      const code = `studio-${transport}`;
      const email = `owner@${code}.example`;
      const created = await fetch(`${a.url}/api/v1/admin/vendors`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'Studio', ownerEmail: email, platforms: ['main'] }),
      });
      assert.equal(created.status, 201);
      // The invited owner gets a password directly: the invitation mail is not what this test is about.
      const hash = await hashPassword('studio-password', 4);
      await withTenant(db.knex, { bypass: true, reason: 'test: activate the owner' }, async (k) => {
        await k('users').where({ email }).update({ password_hash: hash, is_active: true });
        await k.raw(
          "update vendor_memberships set status = 'active' where user_id = (select id from users where email = ?)",
          [email],
        );
      });
      const shopClass = async (node: Node) =>
        /<body\s+class="([^"]+)"/.exec(await (await fetch(`${node.url}/vendors/${code}/shop/`)).text())?.[1] ?? '';
      assert.match(await shopClass(b), /sf-theme-classic/);

      const jar = new Map<string, string>();
      const browse = async (p: string, form?: Record<string, string>) => {
        const res = await fetch(`${a.url}${p}`, {
          method: form ? 'POST' : 'GET',
          redirect: 'manual',
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin: a.url } : {}),
          },
          body: form ? new URLSearchParams(form) : undefined,
        });
        for (const line of res.headers.getSetCookie()) {
          const [pair = ''] = line.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const html = await res.text();
        return { status: res.status, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
      };
      const login = await browse(`/vendor/${code}/login`);
      const signedIn = await browse(`/vendor/${code}/login`, {
        _csrf: login.csrf,
        email,
        password: 'studio-password',
      });
      assert.equal(signedIn.status, 303);
      const editor = await browse(`/vendor/${code}/theme`);
      assert.equal(editor.status, 200);
      const published = await browse(`/vendor/${code}/theme`, {
        _csrf: editor.csrf,
        theme: 'bold:bold-sunset',
        action: 'publish',
      });
      assert.equal(published.status, 303);
      await within(1000, async () => /sf-theme-bold sf-preset-bold-sunset/.test(await shopClass(b)));
    });

    it("shows a platform's own theme, set in the editor on one process, in the other's shop on that platform only", async () => {
      const [a, b] = nodes as [Node, Node];
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const pcode = `duo-${transport}`;
      const code = `duo-shop-${transport}`;
      const email = `owner@${code}.example`;
      const platform = await fetch(`${a.url}/api/v1/admin/platforms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: pcode, name: 'Duo' }),
      });
      assert.equal(platform.status, 201);
      const created = await fetch(`${a.url}/api/v1/admin/vendors`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code, name: 'Duo shop', ownerEmail: email, platforms: ['main', pcode] }),
      });
      assert.equal(created.status, 201, await created.text());
      const hash = await hashPassword('duo-password', 4);
      await withTenant(db.knex, { bypass: true, reason: 'test: activate the owner' }, async (k) => {
        await k('users').where({ email }).update({ password_hash: hash, is_active: true });
        await k.raw(
          "update vendor_memberships set status = 'active' where user_id = (select id from users where email = ?)",
          [email],
        );
      });
      const shopClass = async (node: Node, prefix: string) =>
        /<body\s+class="([^"]+)"/.exec(await (await fetch(`${node.url}${prefix}/vendors/${code}/shop/`)).text())?.[1] ??
        '';
      // The dashboard on the second platform, in path mode.
      const base = `/platforms/${pcode}/vendor/${code}`;
      const jar = new Map<string, string>();
      const browse = async (p: string, form?: Record<string, string>) => {
        const res = await fetch(`${a.url}${p}`, {
          method: form ? 'POST' : 'GET',
          redirect: 'manual',
          headers: {
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin: a.url } : {}),
          },
          body: form ? new URLSearchParams(form) : undefined,
        });
        for (const line of res.headers.getSetCookie()) {
          const [pair = ''] = line.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const html = await res.text();
        return { status: res.status, html, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
      };
      const login = await browse(`${base}/login`);
      const signedIn = await browse(`${base}/login`, { _csrf: login.csrf, email, password: 'duo-password' });
      assert.equal(signedIn.status, 303);
      const editor = await browse(`${base}/theme`);
      assert.match(editor.html, /data-theme-source="shop"/);
      const own = await browse(`${base}/theme`, { _csrf: editor.csrf, action: 'source:own' });
      assert.equal(own.status, 303);
      const again = await browse(`${base}/theme`);
      const published = await browse(`${base}/theme`, {
        _csrf: again.csrf,
        theme: 'bold:bold-neon',
        action: 'publish',
      });
      assert.equal(published.status, 303);
      await within(1000, async () =>
        /sf-theme-bold sf-preset-bold-neon/.test(await shopClass(b, `/platforms/${pcode}`)),
      );
      assert.match(await shopClass(b, ''), /sf-theme-classic/, 'the main platform keeps the shop theme');
      const back = await browse(`${base}/theme`);
      assert.equal((await browse(`${base}/theme`, { _csrf: back.csrf, action: 'source:shop' })).status, 303);
      await within(1000, async () => /sf-theme-classic/.test(await shopClass(b, `/platforms/${pcode}`)));
    });

    it('applies a platform created or deactivated on one process on the other within a second', async () => {
      const [a, b] = nodes as [Node, Node];
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const code = `edge-${transport}`;
      // In path mode, /platforms/<code>/… picks the platform from the other process's in-memory registry.
      const onB = async () =>
        (await fetch(`${b.url}/platforms/${code}/api/v1/admin/platforms/${code}/plugins`, { headers })).status;
      const created = await fetch(`${a.url}/api/v1/admin/platforms`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code, name: 'Edge' }),
      });
      assert.equal(created.status, 201);
      await within(1000, async () => (await onB()) === 200);
      const off = await fetch(`${a.url}/api/v1/admin/platforms/${code}/deactivate`, { method: 'POST', headers });
      assert.equal(off.status, 200);
      await within(1000, async () => (await onB()) === 404);
    });
  });
}
