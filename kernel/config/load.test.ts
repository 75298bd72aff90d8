import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './load.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'orion-config-'));
}

function errorsOf(result: ReturnType<typeof loadConfig>): string[] {
  assert.equal(result.ok, false, 'expected the configuration to be refused');
  return result.ok ? [] : result.errors;
}

describe('loadConfig', () => {
  it('starts from the defaults in config/ with nothing set', () => {
    const result = loadConfig({ env: { NODE_ENV: 'development', ORION_DATA_DIR: tempDir() } });
    assert.ok(result.ok);
    assert.equal(result.config.server.port, 3000);
    assert.equal(result.config.database.url, undefined);
    assert.match(result.config.database.pgliteDir, /data[/\\]pglite$/);
    assert.equal(result.config.database.autoMigrate, true);
    assert.equal(result.config.log.format, 'pretty');
  });

  it('lets environment variables override the files', () => {
    const result = loadConfig({
      env: { NODE_ENV: 'test', PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/orion', LOG_LEVEL: 'debug' },
    });
    assert.ok(result.ok);
    assert.equal(result.config.server.port, 8080);
    assert.equal(result.config.database.url, 'postgres://u@db:5432/orion');
    assert.equal(result.config.log.level, 'debug');
  });

  it('names PORT and the bad value when PORT is not a number', () => {
    const [error, ...rest] = errorsOf(loadConfig({ env: { NODE_ENV: 'test', PORT: 'abc' } }));
    assert.equal(rest.length, 0);
    assert.match(error ?? '', /^PORT must be a number \(got "abc" from environment\)$/);
  });

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', DATABASE_URL: 'mysql://x@y/z' } }));
    assert.match(errors.join(), /DATABASE_URL must start with postgres:\/\//);
  });

  it('refuses an unknown NODE_ENV and an unknown log level', () => {
    assert.match(errorsOf(loadConfig({ env: { NODE_ENV: 'staging' } })).join(), /NODE_ENV must be development/);
    assert.match(
      errorsOf(loadConfig({ env: { NODE_ENV: 'test', LOG_LEVEL: 'loud' } })).join(),
      /LOG_LEVEL must be one of/,
    );
  });

  it('requires the admin email and password together', () => {
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', ORION_ADMIN_EMAIL: 'root@example.com' } }));
    assert.match(errors.join(), /ORION_ADMIN_PASSWORD must be set together/);
  });

  it('refuses an admin password bcrypt would truncate', () => {
    const env = { NODE_ENV: 'test', ORION_ADMIN_EMAIL: 'a@example.com', ORION_ADMIN_PASSWORD: 'é'.repeat(40) };
    assert.match(errorsOf(loadConfig({ env })).join(), /ORION_ADMIN_PASSWORD must be at most 72 bytes/);
  });

  it('requires ORION_SECRET in production', () => {
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'production', ORION_DATA_DIR: tempDir() } }));
    assert.deepEqual(errors, ['ORION_SECRET is required in production (it is missing)']);
  });

  it('generates a secret once outside production and keeps it', () => {
    const dataDir = tempDir();
    const first = loadConfig({ env: { NODE_ENV: 'development', ORION_DATA_DIR: dataDir } });
    const second = loadConfig({ env: { NODE_ENV: 'development', ORION_DATA_DIR: dataDir } });
    assert.ok(first.ok && second.ok);
    assert.ok(first.config.secret.length >= 32);
    assert.equal(second.config.secret, first.config.secret);
    assert.equal(fs.statSync(path.join(dataDir, 'secret')).mode & 0o777, 0o600);
  });

  it('reports an unknown key and invalid JSON in config files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'default.json'), JSON.stringify({ PROT: 3000 }));
    assert.match(errorsOf(loadConfig({ env: { NODE_ENV: 'test' }, configDir: dir })).join(), /unknown setting PROT/);
    fs.writeFileSync(path.join(dir, 'test.json'), '{ nope');
    assert.match(
      errorsOf(loadConfig({ env: { NODE_ENV: 'test' }, configDir: dir })).join(),
      /test.json is not valid JSON/,
    );
  });

  it('treats an empty environment variable as unset', () => {
    const result = loadConfig({ env: { NODE_ENV: 'test', PORT: '', REDIS_URL: '' } });
    assert.ok(result.ok);
    assert.equal(result.config.redis.url, undefined);
  });

  it('sends mail through SMTP_URL from MAIL_FROM, and masks the SMTP password in errors', () => {
    const result = loadConfig({
      env: { NODE_ENV: 'test', SMTP_URL: 'smtps://u:pw@smtp.example.com:465', MAIL_FROM: 'Shop <shop@example.com>' },
    });
    assert.ok(result.ok);
    assert.deepEqual(result.config.mail, {
      smtpUrl: 'smtps://u:pw@smtp.example.com:465',
      from: 'Shop <shop@example.com>',
    });
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', SMTP_URL: 'http://u:hunter22@mail.example.com' } }));
    assert.deepEqual(errors, [
      'SMTP_URL must start with smtp:// or smtps:// (got "http://u:***@mail.example.com" from environment)',
    ]);
  });

  it('keeps plugin files on disk unless FILES_S3_URL is set, and then needs both keys', () => {
    const local = loadConfig({ env: { NODE_ENV: 'test' } });
    assert.ok(local.ok);
    assert.equal(local.config.files.s3, undefined);
    const url = 'http://127.0.0.1:9000/orion';
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', FILES_S3_URL: url } }));
    assert.deepEqual(errors.sort(), [
      'FILES_S3_ACCESS_KEY_ID is required with FILES_S3_URL (it is missing)',
      'FILES_S3_SECRET_ACCESS_KEY is required with FILES_S3_URL (it is missing)',
    ]);
    const env = { NODE_ENV: 'test', FILES_S3_URL: url, FILES_S3_ACCESS_KEY_ID: 'id', FILES_S3_SECRET_ACCESS_KEY: 's' };
    const s3 = loadConfig({ env });
    assert.ok(s3.ok);
    assert.deepEqual(s3.config.files.s3, { url, region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 's' });
  });

  it('refuses a MAIL_FROM that is not an address', () => {
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', MAIL_FROM: 'Orion <nowhere>' } }));
    assert.match(
      errors.join(),
      /^MAIL_FROM must be an address such as Orion <no-reply@example.com> \(got "Orion <nowhere>"/,
    );
  });

  it('refuses the default .test sender for SMTP in production', () => {
    const env = { NODE_ENV: 'production', ORION_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://mail.example.com' };
    assert.match(errorsOf(loadConfig({ env })).join(), /MAIL_FROM must be an address at your own domain in production/);
    assert.ok(loadConfig({ env: { ...env, MAIL_FROM: 'Shop <no-reply@shop.example.org>' } }).ok);
  });

  it('throttles sign-in with five failures per account and thirty per address in 15 minutes by default', () => {
    const result = loadConfig({ env: { NODE_ENV: 'test', LOGIN_THROTTLE_IP_MAX: '100' } });
    assert.ok(result.ok);
    assert.deepEqual(result.config.security.loginThrottle, { accountMax: 5, ipMax: 100, windowSeconds: 900 });
    const errors = errorsOf(loadConfig({ env: { NODE_ENV: 'test', LOGIN_THROTTLE_ACCOUNT_MAX: '0' } }));
    assert.match(errors.join(), /LOGIN_THROTTLE_ACCOUNT_MAX must be at least 1/);
  });
});
