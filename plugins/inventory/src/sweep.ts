import type { PluginContext } from '@orion/sdk';
import { releaseExpiredHolds } from './reservations.js';
import { T } from './tables.js';

/** How often expired holds are released. Reservations on the same stock release them too; this catches the rest. */
export const SWEEP_EVERY_MS = 60 * 1000;

let timer: NodeJS.Timeout | undefined;

/** Releases the expired holds of every vendor, one transaction per vendor; answers how many holds went. */
export async function sweepExpiredHolds(ctx: PluginContext): Promise<number> {
  const vendors = await ctx.withTenant({ bypass: true, reason: 'inventory: find expired holds' }, (trx) =>
    trx(T.reservations)
      .where({ status: 'reserved' })
      .where('expires_at', '<=', trx.fn.now())
      .distinct<{ vendor_id: number | string }[]>('vendor_id'),
  );
  let n = 0;
  for (const { vendor_id } of vendors) {
    const vendorId = Number(vendor_id);
    n += await ctx.withTenant({ vendorId }, (trx) => releaseExpiredHolds(trx, vendorId));
  }
  if (n) ctx.logger.info({ released: n }, 'inventory: expired holds released');
  return n;
}

/** Starts the sweep every minute (once the kernel has started); the timer does not keep the process alive. */
export function startSweep(ctx: PluginContext): void {
  stopSweep();
  timer = setInterval(() => {
    sweepExpiredHolds(ctx).catch((err) => ctx.logger.error({ err }, 'inventory: hold sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
}

export function stopSweep(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
