import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../../kernel/paths.js';
import { CheckoutErrors } from '../src/errors.js';

describe('checkout: error codes', () => {
  it('are each documented in docs/reference/errors.md, and the page lists no stale CHECKOUT_ code', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'reference', 'errors.md'), 'utf8');
    const documented = [...page.matchAll(/^### (CHECKOUT_[A-Z0-9_]+)\s*$/gm)].map((m) => m[1]);
    const codes = Object.values(CheckoutErrors).map((e) => e.code);
    assert.deepEqual(
      codes.filter((c) => !documented.includes(c)),
      [],
      'missing from the page',
    );
    assert.deepEqual(
      documented.filter((c) => !codes.includes(c as string)),
      [],
      'stale on the page',
    );
  });
});
