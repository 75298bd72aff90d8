import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AuthErrors } from '../auth/errors.js';
import { MailErrors } from '../mail/errors.js';
import { ROOT } from '../paths.js';
import { PluginErrors } from '../plugins/errors.js';
import { LifecycleErrors } from '../plugins/lifecycle-errors.js';
import { SecurityErrors } from '../security/errors.js';
import { TenancyErrors } from '../tenancy/errors.js';
import { KernelErrors } from './codes.js';
import { defineError } from './define-error.js';

const documented = () =>
  [
    ...fs.readFileSync(path.join(ROOT, 'docs', 'reference', 'errors.md'), 'utf8').matchAll(/^### ([A-Z0-9_]+)\s*$/gm),
  ].map((m) => m[1]);

/** Every owner's table of ORN_ codes; each is documented in docs/reference/errors.md. */
const tables = { KernelErrors, PluginErrors, LifecycleErrors, AuthErrors, TenancyErrors, MailErrors, SecurityErrors };
const all = Object.values(tables).flatMap((t) => Object.values(t).map((e) => e.code));

describe('kernel error codes', () => {
  it('are unique across every table and prefixed ORN_<AREA>_', () => {
    assert.equal(new Set(all).size, all.length, 'a code is defined twice');
    for (const code of all) assert.match(code, /^ORN_[A-Z]+_[A-Z0-9_]+$/);
    for (const e of Object.values(PluginErrors)) assert.match(e.code, /^ORN_PLUGIN_/);
    for (const e of Object.values(LifecycleErrors)) assert.match(e.code, /^ORN_PLUGIN_/);
  });

  it('are each documented in docs/reference/errors.md, and the page lists no stale code', () => {
    const docs = documented();
    assert.deepEqual(
      all.filter((c) => !docs.includes(c)),
      [],
      'codes missing from docs/reference/errors.md',
    );
    assert.deepEqual(
      docs.filter((c) => c?.startsWith('ORN_') && !all.includes(c)),
      [],
      'stale codes in docs/reference/errors.md',
    );
  });

  it('defineError refuses a code without a prefix', () => {
    assert.throws(
      () => defineError({ code: 'oops', category: 'input', title: 't', detail: () => '' }),
      /upper snake case with a prefix/,
    );
  });

  it('derives the status from the category unless overridden', () => {
    assert.equal(KernelErrors.NotFound({ path: '/x' }).status, 404);
    assert.equal(KernelErrors.BodyTooLarge({ limit: 1 }).status, 413);
    const Unprocessable = defineError({
      code: 'X_UNPROCESSABLE',
      category: 'input',
      status: 422,
      title: 't',
      detail: () => '',
    });
    assert.equal(Unprocessable().status, 422);
    assert.ok(KernelErrors.NotFound.is(KernelErrors.NotFound({ path: '/x' })));
    assert.ok(!KernelErrors.NotFound.is(new Error('x')));
  });
});
