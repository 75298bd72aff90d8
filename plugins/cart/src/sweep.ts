import type { PluginContext } from '@orion/sdk';
import { releaseHolds } from './check.js';
import { deleteExpired } from './store.js';

/** How often every vendor's expired guest carts are deleted. Carts also expire on access; this catches the rest. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

let timer: NodeJS.Timeout | undefined;

/**
 * Deletes the open guest carts of every vendor whose expiry (last use + `guestCartTtlHours`) has passed, and lets
 * their stock holds go.
 */
export async function sweepExpired(ctx: PluginContext): Promise<number> {
  const gone = await ctx.withTenant({ bypass: true, reason: 'cart: sweep expired guest carts' }, (trx) =>
    deleteExpired(trx),
  );
  await releaseHolds(ctx, gone);
  if (gone.length) ctx.logger.info({ deleted: gone.length }, 'cart: expired guest carts deleted');
  return gone.length;
}

/** Starts the hourly sweep (once the kernel has started); the timer does not keep the process alive. */
export function startSweep(ctx: PluginContext): void {
  stopSweep();
  timer = setInterval(() => {
    sweepExpired(ctx).catch((err) => ctx.logger.error({ err }, 'cart: sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
}

export function stopSweep(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
