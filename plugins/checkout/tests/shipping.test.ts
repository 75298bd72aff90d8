import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Money } from '@orion/sdk';
import { AddressSchema } from '../src/address.js';
import { type ShippingMethod, shippingCost } from '../src/shipping.js';

const method = (kind: ShippingMethod['kind'], amount: number, freeAbove: number | null = null): ShippingMethod => ({
  id: 1,
  name: kind,
  kind,
  amount: Money.of(amount, 'EUR'),
  freeAbove: freeAbove === null ? null : Money.of(freeAbove, 'EUR'),
  active: true,
  position: 0,
});
const eur = (minor: number) => Money.of(minor, 'EUR');

describe('shipping cost', () => {
  it('charges a flat rate whatever the subtotal', () => {
    assert.equal(shippingCost(method('flat', 490), eur(100)).amountMinor, 490);
    assert.equal(shippingCost(method('flat', 490), eur(1_000_000)).amountMinor, 490);
  });

  it('ships free from the threshold on, inclusive, and charges the rate one cent below it', () => {
    const m = method('free_above', 690, 5000);
    assert.equal(shippingCost(m, eur(4999)).amountMinor, 690);
    assert.equal(shippingCost(m, eur(5000)).amountMinor, 0);
    assert.equal(shippingCost(m, eur(5001)).amountMinor, 0);
  });

  it('costs nothing for pickup', () => {
    assert.equal(shippingCost(method('pickup', 0), eur(100)).amountMinor, 0);
  });
});

describe('shipping address validation', () => {
  const base = { name: 'Ada', line1: '1 Rue de la Gare', city: 'Luxembourg' };
  const errors = (input: Record<string, string>) => {
    const r = AddressSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it('accepts a Luxembourg address and upper-cases the country', () => {
    const r = AddressSchema.parse({ ...base, postalCode: 'L-1611', country: 'lu' });
    assert.equal(r.country, 'LU');
  });

  it('names the missing fields', () => {
    const e = errors({ name: '', line1: '', city: '', postalCode: '', country: 'LU' });
    assert.deepEqual(Object.keys(e).sort(), ['city', 'line1', 'name', 'postalCode']);
  });

  it('refuses a country that is not an ISO code', () => {
    assert.match(errors({ ...base, postalCode: '1234', country: 'XX' }).country ?? '', /ISO 3166/);
  });

  it("checks the postal code against the country's pattern", () => {
    assert.match(errors({ ...base, postalCode: '123', country: 'DE' }).postalCode ?? '', /not a DE postal code/);
    assert.match(errors({ ...base, postalCode: '75001', country: 'GB' }).postalCode ?? '', /not a GB postal code/);
    assert.deepEqual(errors({ ...base, postalCode: '75001', country: 'FR' }), {});
    assert.deepEqual(errors({ ...base, postalCode: 'SW1A 1AA', country: 'GB' }), {});
  });
});
