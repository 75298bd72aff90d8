import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../../kernel/paths.js';
import { PaymentErrors } from '../src/errors.js';

describe('payments: error codes', () => {
  it('are each documented in docs/reference/errors.md, and the page lists no stale PAYMENTS_ code', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'reference', 'errors.md'), 'utf8');
    const documented = [...page.matchAll(/^### (PAYMENTS_[A-Z0-9_]+)\s*$/gm)].map((m) => m[1]);
    const codes = Object.values(PaymentErrors).map((e) => e.code);
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
