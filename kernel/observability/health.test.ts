import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HealthRegistry } from './health.js';

describe('HealthRegistry', () => {
  it('is ok when every check passes', async () => {
    const health = new HealthRegistry('1.0.0');
    health.setNotReady(undefined);
    health.register({ name: 'database', critical: true, check: async () => {} });
    const report = await health.report();
    assert.equal(report.status, 'ok');
    assert.equal(report.ready, true);
    assert.equal(report.version, '1.0.0');
    assert.equal(report.checks.database?.status, 'ok');
  });

  it('is degraded, naming the check, when a non-critical check fails', async () => {
    const health = new HealthRegistry('1.0.0');
    health.setNotReady(undefined);
    health.register({ name: 'database', critical: true, check: async () => {} });
    health.register({
      name: 'redis',
      critical: false,
      check: async () => {
        throw new Error('connection refused');
      },
    });
    const report = await health.report();
    assert.equal(report.status, 'degraded');
    assert.equal(report.ready, true);
    assert.equal(report.checks.redis?.error, 'connection refused');
  });

  it('is down and not ready when a critical check fails', async () => {
    const health = new HealthRegistry('1.0.0');
    health.setNotReady(undefined);
    health.register({
      name: 'database',
      critical: true,
      check: async () => {
        throw new Error('gone');
      },
    });
    const report = await health.report();
    assert.equal(report.status, 'down');
    assert.equal(report.ready, false);
  });

  it('is not ready until told so, whatever the checks say', async () => {
    const health = new HealthRegistry('1.0.0');
    assert.equal((await health.report()).ready, false);
    assert.equal(health.notReady, 'starting');
  });

  it('stops reporting a check once it is unregistered', async () => {
    const health = new HealthRegistry('1.0.0');
    const off = health.register({ name: 'plugin-x', critical: false, check: async () => {} });
    off();
    assert.deepEqual((await health.report()).checks, {});
  });
});
