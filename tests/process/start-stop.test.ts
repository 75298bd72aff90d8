import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createDatabase } from '../../kernel/db/database.js';
import { SERVER_NODE_FLAGS } from '../../kernel/node-flags.js';
import { DIST } from '../../kernel/paths.js';

const MAIN = path.join(DIST, 'kernel', 'main.js');

interface Running {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string; stdout: string }>;
}

/** Runs `node dist/kernel/main.js` like `npm start` does, on its own embedded database. */
function start(env: Record<string, string>): Running {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DATABASE_URL; // always the embedded database here, whatever the CI pass
  delete childEnv.REDIS_URL;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let resolveUrl: (url: string) => void;
  const url = new Promise<string>((r) => {
    resolveUrl = r;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
    const listening = stdout.split('\n').find((line) => line.includes('"msg":"listening"'));
    if (listening) resolveUrl((JSON.parse(listening) as { url: string }).url);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
  return { child, url, exit };
}

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/health/ready did not answer 200 within ${timeoutMs} ms`);
}

describe('the orion process', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-process-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints one line naming PORT and exits non-zero when PORT=abc', async () => {
    const { exit } = start({ NODE_ENV: 'development', PORT: 'abc', ORION_DATA_DIR: tempDir() });
    const { code, stderr, stdout } = await exit;
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
    assert.match(lines[0] ?? '', /PORT must be a number \(got "abc"/);
  });

  it('starts on a fresh embedded database, stops on SIGTERM with exit 0, and keeps its data', async () => {
    const dataDir = tempDir();
    const env = {
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_FORMAT: 'json',
      ORION_DATA_DIR: dataDir,
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      ORION_ADMIN_EMAIL: 'ops@example.com',
      ORION_ADMIN_PASSWORD: 'correct horse battery',
      BCRYPT_COST: '4',
    };
    const first = start(env);
    const url = await first.url;
    await waitReady(url);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /http_request_duration_seconds/);

    // A second process on the same data folder would corrupt it: it must refuse to start.
    const second = start({ ...env });
    const refused = await second.exit;
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /in use by another Orion process \(pid \d+\)/);

    first.child.kill('SIGTERM');
    const stopped = await first.exit;
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /Orion is ready at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(stopped.stdout, /admin +admin@orion\.test \/ orion-demo-admin/);
    assert.equal(fs.existsSync(`${env.PGLITE_DIR}.lock`), false, 'the lock file was left behind');

    // What the first run wrote is there after a clean stop.
    const db = await createDatabase({ pgliteDir: env.PGLITE_DIR });
    try {
      const emails = await db.knex('users').whereIn('role', ['super_admin']).orderBy('email').pluck('email');
      assert.deepEqual(emails, ['admin@orion.test', 'ops@example.com']);
      assert.deepEqual(await db.knex('vendors').orderBy('code').pluck('code'), [
        'fashion-hub',
        'tech-store',
        'wholesale',
      ]);
    } finally {
      await db.close();
    }

    // And a restart serves again on the same data.
    const again = start(env);
    await waitReady(await again.url);
    again.child.kill('SIGINT');
    assert.equal((await again.exit).code, 0);
  });
});
