import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvField } from './csv.js';

describe('csvField', () => {
  it('leaves plain values alone and writes null as an empty field', () => {
    assert.deepEqual([csvField('Anna'), csvField(42), csvField(true), csvField(null)], ['Anna', '42', 'true', '']);
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    assert.equal(csvField('Atelier, "Moselle"'), '"Atelier, ""Moselle"""');
    assert.equal(csvField('line one\nline two'), '"line one\nline two"');
  });

  it('keeps spreadsheets from running a field as a formula', () => {
    assert.equal(csvField('=HYPERLINK("http://evil")'), '"\'=HYPERLINK(""http://evil"")"');
    assert.equal(csvField('+352 621 000'), "'+352 621 000");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  });
});
