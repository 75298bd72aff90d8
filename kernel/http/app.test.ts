import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validator } from 'hono/validator';
import { pino } from 'pino';
import { KernelErrors } from '../errors/codes.js';
import { HealthRegistry } from '../observability/health.js';
import { createMetrics } from '../observability/metrics.js';
import type { ErrorReporter } from '../observability/sentry.js';
import { captureLogs } from '../testing/log-capture.js';
import { createApp } from './app.js';

function setup() {
  const { destination, lines: logs } = captureLogs();
  const logger = pino({ level: 'info' }, destination);
  const captured: unknown[] = [];
  const reporter: ErrorReporter = { capture: (err) => captured.push(err), flush: async () => {} };
  const metrics = createMetrics({ defaultMetrics: false });
  const health = new HealthRegistry('1.2.3');
  health.setNotReady(undefined);
  const app = createApp({ logger, metrics, health, reporter, bodyLimitBytes: 2048 });
  app.get('/api/v1/boom', () => {
    throw new Error('database exploded');
  });
  app.get('/boom', () => {
    throw new Error('page exploded');
  });
  app.get('/api/v1/things/:id', (c) => {
    throw KernelErrors.NotFound({ path: `/api/v1/things/${c.req.param('id')}` });
  });
  // Routes read bodies through validators (zod-openapi uses Hono's), which turn malformed JSON into a 400.
  app.post(
    '/api/v1/echo',
    validator('json', (v) => v),
    (c) => c.json(c.req.valid('json')),
  );
  const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
  return { app, logs, captured, metrics, request };
}

describe('HTTP errors', () => {
  it('answers an unknown API path with problem+json 404', async () => {
    const { request } = setup();
    const res = await request('/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.code, 'ORN_HTTP_NOT_FOUND');
    assert.equal(body.type, '/docs/reference/errors#orn_http_not_found');
    assert.equal(body.status, 404);
    assert.equal(body.instance, '/api/v1/nothing-here');
    assert.equal(body.requestId, res.headers.get('x-request-id'));
  });

  it('answers an unknown page with an HTML 404 page for browsers', async () => {
    const { request } = setup();
    const res = await request('/no/such/page', { headers: { accept: 'text/html' } });
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<h1>Not found<\/h1>/);
  });

  it('turns a thrown error into a 500 with an error id that is also logged and reported', async () => {
    const { request, logs, captured } = setup();
    const res = await request('/api/v1/boom');
    assert.equal(res.status, 500);
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.code, 'ORN_HTTP_INTERNAL');
    assert.match(body.errorId ?? '', /^[0-9a-f-]{36}$/);
    assert.doesNotMatch(JSON.stringify(body), /database exploded/, 'internal details must not leak');
    const logged = logs.find((l) => l.msg === 'unhandled error while serving a request');
    assert.ok(logged, 'the error was not logged');
    assert.equal(logged.errorId, body.errorId);
    assert.equal((logged.err as { message: string }).message, 'database exploded');
    const access = logs.find((l) => l.msg === 'request failed');
    assert.equal(access?.status, 500);
    assert.equal(access?.errorId, body.errorId);
    assert.equal(captured.length, 1);
  });

  it('shows the error id on the HTML 500 page', async () => {
    const { request, logs } = setup();
    const res = await request('/boom', { headers: { accept: 'text/html' } });
    assert.equal(res.status, 500);
    const errorId = logs.find((l) => l.errorId)?.errorId as string;
    assert.ok(errorId);
    assert.ok((await res.text()).includes(errorId));
  });

  it('answers a coded error with its own status and detail', async () => {
    const { request } = setup();
    const res = await request('/api/v1/things/42');
    assert.equal(res.status, 404);
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.detail, 'Nothing is served at /api/v1/things/42.');
  });

  it('refuses a body over the limit with 413', async () => {
    const { request } = setup();
    const res = await request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Record<string, string>).code, 'ORN_HTTP_BODY_TOO_LARGE');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const { request } = setup();
    const res = await request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"oops',
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as Record<string, string>).code, 'ORN_HTTP_BAD_REQUEST');
  });
});

describe('request id, headers and metrics', () => {
  it('keeps a valid incoming request id and generates one otherwise', async () => {
    const { request } = setup();
    const given = await request('/health/live', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(given.headers.get('x-request-id'), 'abc-123');
    const generated = await request('/health/live');
    assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('records request durations by route pattern, with one label for unmatched paths', async () => {
    const { request } = setup();
    await request('/api/v1/things/1');
    await request('/api/v1/things/2');
    await request('/random-scanner-path-1');
    await request('/random-scanner-path-2');
    const text = await (await request('/metrics')).text();
    assert.match(
      text,
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/things\/:id",status="404"[^}]*\} 2/,
    );
    assert.match(text, /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"[^}]*\} 2/);
    assert.doesNotMatch(text, /random-scanner-path/);
  });
});
