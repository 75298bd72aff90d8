import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGtin } from './gtin.js';

describe('GTIN validation', () => {
  it('accepts real codes of each length and names their type', () => {
    const cases = {
      '96385074': 'GTIN-8',
      '036000291452': 'GTIN-12',
      '4006381333931': 'GTIN-13',
      '978-0-306-40615-7': 'GTIN-13',
      '10614141000415': 'GTIN-14',
    };
    for (const [code, type] of Object.entries(cases)) {
      const result = checkGtin(code);
      assert.deepEqual(result, { ok: true, gtin: code.replace(/-/g, ''), type }, code);
    }
  });

  it('refuses a wrong check digit and says which digit was expected', () => {
    assert.deepEqual(checkGtin('4006381333932'), { ok: false, message: 'has a wrong check digit (expected 1)' });
    assert.deepEqual(checkGtin('036000291453'), { ok: false, message: 'has a wrong check digit (expected 2)' });
  });

  it('refuses other lengths and letters', () => {
    assert.match((checkGtin('1234567') as { message: string }).message, /8, 12, 13 or 14 digits/);
    assert.match((checkGtin('40063813339X1') as { message: string }).message, /digits only/);
  });
});
