import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../kernel/db/database.js';
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
