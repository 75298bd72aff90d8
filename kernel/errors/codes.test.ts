import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../paths.js';
import { KernelErrors } from './codes.js';
import { defineError } from './define-error.js';

const documented = () =>
  [
    ...fs.readFileSync(path.join(ROOT, 'docs', 'reference', 'errors.md'), 'utf8').matchAll(/^### ([A-Z0-9_]+)\s*$/gm),
  ].map((m) => m[1]);

describe('kernel error codes', () => {
  const codes = Object.values(KernelErrors).map((e) => e.code);

  it('are unique and prefixed ORN_', () => {
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^ORN_[A-Z]+_[A-Z0-9_]+$/);
  });

  it('are each documented in docs/reference/errors.md, and the page lists no stale code', () => {
    const docs = documented();
    assert.deepEqual(
      codes.filter((c) => !docs.includes(c)),
      [],
      'codes missing from docs/reference/errors.md',
    );
    assert.deepEqual(
      docs.filter((c) => c?.startsWith('ORN_') && !codes.includes(c)),
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
