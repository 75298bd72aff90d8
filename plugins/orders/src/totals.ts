import { Money } from '@orion/sdk';

export interface PricedLine {
  unitPrice: Money;
  quantity: number;
  taxRateBp: number;
}

export interface TotalsInput {
  currency: string;
  lines: PricedLine[];
  shipping: Money;
  shippingTaxRateBp: number;
  /** Prices (and the shipping amount) are gross, tax included; otherwise net, and tax is added. */
  pricesIncludeTax: boolean;
  discount?: Money;
}

export interface LineTotals {
  /** Unit price × quantity, as entered (gross or net). */
  lineTotal: Money;
  /** This line's share of the order discount. */
  discount: Money;
  /** Tax of the discounted line: included in it (gross) or on top of it (net). */
  tax: Money;
}

export interface Totals {
  subtotal: Money;
  shipping: Money;
  discount: Money;
  tax: Money;
  total: Money;
  lines: LineTotals[];
}

/**
 * An order's totals from its lines. Each line is rounded on its own (half-up), then lines are added, so the lines
 * always add up to the totals. The discount is split over the lines in proportion to their amounts
 * (`Money.allocate`: the parts add up to it exactly) and lowers each line's tax base. Shipping is taxed at its own
 * rate, the same way (gross or net) as the prices.
 *
 * - gross: `total = subtotal − discount + shipping`; `tax` is the tax included in it.
 * - net: `total = subtotal − discount + shipping + tax`.
 */
export function computeTotals(input: TotalsInput): Totals {
  const { currency } = input;
  const zero = Money.zero(currency);
  const lineTotals = input.lines.map((l) => Money.multiply(l.unitPrice, l.quantity));
  const subtotal = lineTotals.length ? Money.add(zero, ...lineTotals) : zero;
  const discount = input.discount ?? zero;
  if (discount.amountMinor < 0) throw new RangeError('a discount is not negative');
  if (discount.amountMinor > subtotal.amountMinor) throw new RangeError('the discount is larger than the subtotal');
  const weights = lineTotals.map((m) => m.amountMinor);
  const shares =
    discount.amountMinor > 0 ? Money.allocate(discount, weights) : lineTotals.map(() => Money.zero(currency));
  const taxOf = (m: Money, bp: number) => (input.pricesIncludeTax ? Money.taxInGross(m, bp) : Money.taxOnNet(m, bp));
  const lines = input.lines.map((l, i) => {
    const lineTotal = lineTotals[i] as Money;
    const share = shares[i] as Money;
    return { lineTotal, discount: share, tax: taxOf(Money.subtract(lineTotal, share), l.taxRateBp) };
  });
  const shippingTax = taxOf(input.shipping, input.shippingTaxRateBp);
  const tax = Money.add(shippingTax, ...lines.map((l) => l.tax));
  const base = Money.add(Money.subtract(subtotal, discount), input.shipping);
  const total = input.pricesIncludeTax ? base : Money.add(base, tax);
  return { subtotal, shipping: input.shipping, discount, tax, total, lines };
}
