import { Money, type PluginContext } from '@orion/sdk';
import type { PlacedOrder } from './deps.js';
import type { Shopper } from './flow.js';

const fmt = (m: Money) => Money.format(m, 'en-GB');

/** The plain-text order confirmation: lines, totals, the address and how to track the order. */
export function confirmationText(order: PlacedOrder, trackUrl: string): string {
  const lines = order.lines.map((l) => `  ${l.quantity} × ${l.title} (${l.sku})  ${fmt(l.lineTotal)}`);
  const a = order.shippingAddress;
  return [
    `Hello ${order.customer.name},`,
    '',
    `Thank you for your order #${order.number}. We have received it and will let you know when it ships.`,
    '',
    ...lines,
    '',
    `Subtotal: ${fmt(order.totals.subtotal)}`,
    `Shipping: ${fmt(order.totals.shipping)}`,
    `Tax included: ${fmt(order.totals.tax)}`,
    `Total: ${fmt(order.totals.total)}`,
    '',
    'Shipping to:',
    `  ${a.name}`,
    `  ${a.line1}`,
    ...(a.line2 ? [`  ${a.line2}`] : []),
    `  ${a.postalCode} ${a.city}, ${a.country}`,
    '',
    `Track your order with its number (${order.number}) and this email address: ${trackUrl}`,
  ].join('\n');
}

/**
 * Mails the order confirmation through the kernel's mailer. A mail that fails is logged, never fatal: the order is
 * placed, and the confirmation page shows the same details.
 */
export async function sendConfirmation(ctx: PluginContext, s: Shopper, order: PlacedOrder): Promise<void> {
  try {
    await ctx.mail({
      to: order.customer.email,
      subject: `Order #${order.number} confirmed`,
      text: confirmationText(order, s.trackUrl),
      tag: 'checkout.confirmation',
      platformId: s.platformId,
      vendorId: s.vendorId,
    });
  } catch (err) {
    ctx.logger.error({ err, orderId: order.id }, 'checkout: confirmation mail failed');
  }
}
