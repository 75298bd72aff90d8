import { type PluginContext, vendorOf } from '@orion/sdk';
import type { Context } from 'hono';
import { ADDRESSES, toAddress } from './addresses.js';
import { customersCsv } from './csv.js';
import { allProfiles, inVendor } from './profiles.js';

/** The vendor's customers as a CSV download, for the vendor API and the vendor pages' export link alike. */
export async function sendCsv(c: Context, ctx: PluginContext): Promise<Response> {
  const vendorId = vendorOf(c);
  const csv = await inVendor(ctx, vendorId, async (s) => {
    const profiles = await allProfiles(s);
    const rows = await s.trx(ADDRESSES).where({ vendor_id: vendorId, is_default: true });
    const defaults = new Map<number, ReturnType<typeof toAddress>[]>();
    for (const r of rows) {
      const id = Number(r.customer_id);
      defaults.set(id, [...(defaults.get(id) ?? []), toAddress(r)]);
    }
    return customersCsv(profiles, defaults);
  });
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="customers-${new Date().toISOString().slice(0, 10)}.csv"`);
  return c.body(csv, 200);
}
