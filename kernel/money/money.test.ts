import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CurrencyMismatchError, currencyExponent, Money, MoneySchema } from './index.js';

const eur = (n: number) => Money.of(n, 'EUR');
const amounts = (list: Money[]) => list.map((m) => m.amountMinor);

describe('Money', () => {
  it('knows the minor-unit exponent of each currency', () => {
    assert.deepEqual(['EUR', 'USD', 'JPY', 'KRW', 'BHD', 'KWD', 'TND'].map(currencyExponent), [2, 2, 0, 0, 3, 3, 3]);
    assert.throws(() => currencyExponent('EURO'), /not an ISO 4217 currency/);
    assert.throws(() => Money.of(100, 'eur'), /not an ISO 4217 currency/);
  });

  it('refuses fractional minor units, so no float ever becomes money', () => {
    assert.throws(() => Money.of(19.99, 'EUR'), /safe integer/);
    assert.throws(() => Money.of(Number.MAX_SAFE_INTEGER + 1, 'EUR'), /safe integer/);
    assert.throws(() => Money.multiply(eur(100), 1.5), /integer/);
  });

  it('adds, subtracts and multiplies by a quantity exactly', () => {
    assert.equal(Money.add(eur(10), eur(20), eur(3)).amountMinor, 33);
    assert.equal(Money.subtract(eur(10), eur(25)).amountMinor, -15);
    assert.equal(Money.multiply(eur(1999), 3).amountMinor, 5997);
    // 0.1 + 0.2 in floats is 0.30000000000000004; in minor units it is 30.
    assert.equal(Money.add(eur(10), eur(20)).amountMinor, 30);
  });

  it('refuses to combine two currencies', () => {
    assert.throws(() => Money.add(eur(1), Money.of(1, 'USD')), CurrencyMismatchError);
    assert.throws(() => Money.compare(eur(1), Money.of(1, 'JPY')), /cannot combine EUR with JPY/);
  });

  it('rounds a percentage half-up by default and half-even on request', () => {
    // 250 × 10% = 25.0; 25 × 10% = 2.5 → 3 half-up, 2 half-even; 35 × 10% = 3.5 → 4 both ways.
    assert.equal(Money.percentage(eur(25), 1000).amountMinor, 3);
    assert.equal(Money.percentage(eur(25), 1000, 'half-even').amountMinor, 2);
    assert.equal(Money.percentage(eur(35), 1000, 'half-even').amountMinor, 4);
    assert.equal(Money.percentage(eur(-25), 1000).amountMinor, -3, 'half-up goes away from zero');
    assert.equal(Money.percentage(eur(999), 1700).amountMinor, 170, '169.83 rounds to 170');
    assert.equal(Money.percentage(eur(999), 1700, 'down').amountMinor, 169);
    assert.equal(Money.percentage(eur(1001), 1700, 'up').amountMinor, 171, '170.17 rounds up to 171');
  });

  it('computes tax on a net price and tax included in a gross price at Luxembourg rates', () => {
    assert.equal(Money.taxOnNet(eur(10000), 1700).amountMinor, 1700);
    assert.equal(Money.taxInGross(eur(11700), 1700).amountMinor, 1700);
    // 19.99 gross at 17%: tax 2.9045… → 2.90, net 17.09, and net + tax is the gross again.
    const gross = eur(1999);
    const tax = Money.taxInGross(gross, 1700);
    assert.equal(tax.amountMinor, 290);
    assert.equal(Money.add(Money.subtract(gross, tax), tax).amountMinor, 1999);
    assert.equal(Money.taxInGross(eur(1000), 0).amountMinor, 0);
    assert.equal(Money.taxInGross(eur(1030), 300).amountMinor, 30, '3% super-reduced rate');
  });

  it('allocates without losing or inventing a minor unit', () => {
    assert.deepEqual(amounts(Money.allocate(eur(1000), [1, 1, 1])), [334, 333, 333]);
    assert.deepEqual(amounts(Money.allocate(eur(5), [3, 7])), [2, 3]);
    assert.deepEqual(amounts(Money.allocate(eur(-1000), [1, 1, 1])), [-334, -333, -333]);
    assert.deepEqual(amounts(Money.allocate(Money.of(7, 'JPY'), [1, 0, 1])), [4, 0, 3]);
    for (const total of [1, 99, 1001, 123457]) {
      const parts = Money.allocate(eur(total), [2, 3, 5, 7]);
      assert.equal(
        parts.reduce((s, p) => s + p.amountMinor, 0),
        total,
      );
    }
    assert.throws(() => Money.allocate(eur(1), [0, 0]), /not all be zero/);
  });

  it('converts to and from exact decimal strings per currency exponent', () => {
    assert.equal(Money.toDecimal(eur(1999)), '19.99');
    assert.equal(Money.toDecimal(eur(-5)), '-0.05');
    assert.equal(Money.toDecimal(Money.of(1500, 'JPY')), '1500');
    assert.equal(Money.toDecimal(Money.of(1234, 'BHD')), '1.234');
    assert.equal(Money.fromDecimal('19.9', 'EUR').amountMinor, 1990);
    assert.equal(Money.fromDecimal('0.001', 'BHD').amountMinor, 1);
    assert.throws(() => Money.fromDecimal('1.5', 'JPY'), /0 decimal digit/);
    assert.throws(() => Money.fromDecimal('1.999', 'EUR'), /2 decimal digit/);
  });

  it('formats per locale with the right number of digits', () => {
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    assert.equal(Money.format(eur(123456), 'en-US'), '€1,234.56');
    assert.equal(nbsp(Money.format(eur(123456), 'de-DE')), '1.234,56 €');
    assert.equal(nbsp(Money.format(eur(123456), 'fr-FR')), '1 234,56 €');
    assert.equal(Money.format(Money.of(1500, 'JPY'), 'en-US'), '¥1,500');
    assert.equal(nbsp(Money.format(Money.of(1234, 'BHD'), 'en-US')), 'BHD 1.234');
    assert.equal(Money.format(eur(900719925474099), 'en-US'), '€9,007,199,254,740.99', 'no float rounding');
  });

  it('validates API input: integer minor units and a known currency, naming the field', () => {
    assert.deepEqual(MoneySchema.parse({ amountMinor: 1999, currency: 'EUR' }), { amountMinor: 1999, currency: 'EUR' });
    const bad = MoneySchema.safeParse({ amountMinor: 19.99, currency: 'EURO' });
    assert.equal(bad.success, false);
    const paths = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.deepEqual(paths, [
      'amountMinor: must be an integer number of minor units',
      'currency: must be an ISO 4217 currency code such as EUR',
    ]);
  });
});
