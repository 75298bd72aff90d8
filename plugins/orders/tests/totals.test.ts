import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Money } from '@orion/sdk';
import { computeTotals } from '../src/totals.js';

const eur = (minor: number) => Money.of(minor, 'EUR');
const minor = (t: ReturnType<typeof computeTotals>) => ({
  subtotal: t.subtotal.amountMinor,
  shipping: t.shipping.amountMinor,
  discount: t.discount.amountMinor,
  tax: t.tax.amountMinor,
  total: t.total.amountMinor,
});

describe('orders: totals', () => {
  it('gross prices: the total is what the shopper saw, the tax is the part included in it', () => {
    const t = computeTotals({
      currency: 'EUR',
      lines: [{ unitPrice: eur(1999), quantity: 3, taxRateBp: 1700 }],
      shipping: eur(500),
      shippingTaxRateBp: 1700,
      pricesIncludeTax: true,
    });
    // 59.97 includes 8.71 (59.97 × 17/117 = 8.7135 → 8.71); 5.00 includes 0.73 (0.7264 → 0.73).
    assert.deepEqual(minor(t), { subtotal: 5997, shipping: 500, discount: 0, tax: 871 + 73, total: 6497 });
  });

  it('net prices: tax is added on top, per line, rounded half-up', () => {
    const t = computeTotals({
      currency: 'EUR',
      lines: [
        { unitPrice: eur(1005), quantity: 1, taxRateBp: 1700 }, // 1.7085 → 1.71
        { unitPrice: eur(250), quantity: 2, taxRateBp: 300 }, // 0.15
      ],
      shipping: eur(0),
      shippingTaxRateBp: 1700,
      pricesIncludeTax: false,
    });
    assert.deepEqual(minor(t), { subtotal: 1505, shipping: 0, discount: 0, tax: 171 + 15, total: 1505 + 186 });
    assert.deepEqual(
      t.lines.map((l) => l.tax.amountMinor),
      [171, 15],
    );
  });

  it('rounds each line, then adds: the lines always add up to the tax total', () => {
    // Three lines of 0.10 net at 17%: 0.017 each rounds to 0.02, so the tax is 0.06, not round(0.051) = 0.05.
    const t = computeTotals({
      currency: 'EUR',
      lines: [1, 2, 3].map(() => ({ unitPrice: eur(10), quantity: 1, taxRateBp: 1700 })),
      shipping: eur(0),
      shippingTaxRateBp: 1700,
      pricesIncludeTax: false,
    });
    assert.equal(t.tax.amountMinor, 6);
    assert.equal(
      t.lines.reduce((s, l) => s + l.tax.amountMinor, 0),
      t.tax.amountMinor,
    );
    assert.equal(t.total.amountMinor, 36);
  });

  it('spreads a discount over the lines in proportion, without losing a cent, and lowers the tax base', () => {
    const t = computeTotals({
      currency: 'EUR',
      lines: [
        { unitPrice: eur(1000), quantity: 1, taxRateBp: 1700 },
        { unitPrice: eur(1000), quantity: 1, taxRateBp: 1700 },
        { unitPrice: eur(1000), quantity: 1, taxRateBp: 1700 },
      ],
      shipping: eur(0),
      shippingTaxRateBp: 1700,
      pricesIncludeTax: true,
      discount: eur(1000),
    });
    assert.deepEqual(
      t.lines.map((l) => l.discount.amountMinor),
      [334, 333, 333],
    );
    // 6.66 gross at 17% includes 0.97; 6.67 includes 0.97 (0.9691 → 0.97).
    assert.deepEqual(
      t.lines.map((l) => l.tax.amountMinor),
      [97, 97, 97],
    );
    assert.deepEqual(minor(t), { subtotal: 3000, shipping: 0, discount: 1000, tax: 291, total: 2000 });
  });

  it('refuses a discount larger than the subtotal, and a mix of currencies', () => {
    const base = { currency: 'EUR', shipping: eur(0), shippingTaxRateBp: 0, pricesIncludeTax: true };
    assert.throws(
      () => computeTotals({ ...base, lines: [{ unitPrice: eur(100), quantity: 1, taxRateBp: 0 }], discount: eur(101) }),
      /larger than the subtotal/,
    );
    assert.throws(() =>
      computeTotals({ ...base, lines: [{ unitPrice: Money.of(100, 'USD'), quantity: 1, taxRateBp: 0 }] }),
    );
  });

  it('handles currencies without minor units (JPY)', () => {
    const t = computeTotals({
      currency: 'JPY',
      lines: [{ unitPrice: Money.of(1100, 'JPY'), quantity: 1, taxRateBp: 1000 }],
      shipping: Money.of(0, 'JPY'),
      shippingTaxRateBp: 1000,
      pricesIncludeTax: true,
    });
    assert.deepEqual([t.tax.amountMinor, t.total.amountMinor], [100, 1100]);
  });
});
