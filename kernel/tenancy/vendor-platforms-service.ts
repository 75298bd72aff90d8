import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import { TenancyErrors } from './errors.js';
import type { Platform } from './platforms.js';
import type { VendorRow } from './vendor-admin-service.js';

/**
 * Puts a vendor on one more platform, with its code as subdomain there (as at creation), audited as
 * `tenancy.vendor.platform_added`. Refuses a platform it is already on and a subdomain another vendor of that platform
 * has. Run in a system-scoped transaction; the caller reloads the registries.
 */
export async function addVendorPlatform(
  db: Knex,
  c: Context | undefined,
  vendor: Pick<VendorRow, 'id' | 'code' | 'platformIds'>,
  platform: Pick<Platform, 'id' | 'code'>,
): Promise<void> {
  if (vendor.platformIds.includes(platform.id)) {
    throw TenancyErrors.AlreadyOnPlatform({ code: vendor.code, platform: platform.code });
  }
  const clash = await db('vendor_platforms')
    .where({ platform_id: platform.id })
    .whereRaw('lower(subdomain) = ?', [vendor.code.toLowerCase()])
    .first('vendor_id');
  if (clash) throw TenancyErrors.SubdomainTaken({ subdomain: vendor.code, platform: platform.code });
  await db('vendor_platforms').insert({ vendor_id: vendor.id, platform_id: platform.id, subdomain: vendor.code });
  await audit(db, c, {
    action: 'tenancy.vendor.platform_added',
    targetType: 'vendor',
    targetId: vendor.id,
    vendorId: vendor.id,
    after: { platform: platform.code, subdomain: vendor.code },
  });
}

/**
 * Takes a vendor off a platform, audited as `tenancy.vendor.platform_removed`. Refuses its last platform (a vendor
 * lives on one at least) and a platform where it still has custom domains (they would serve nothing).
 */
export async function removeVendorPlatform(
  db: Knex,
  c: Context | undefined,
  vendor: Pick<VendorRow, 'id' | 'code' | 'platformIds'>,
  platform: Pick<Platform, 'id' | 'code'>,
): Promise<void> {
  if (!vendor.platformIds.includes(platform.id)) return;
  if (vendor.platformIds.length === 1) throw TenancyErrors.LastPlatform({ code: vendor.code });
  const domain = await db('vendor_domains').where({ vendor_id: vendor.id, platform_id: platform.id }).first('id');
  if (domain) throw TenancyErrors.PlatformHasDomains({ code: vendor.code, platform: platform.code });
  await db('vendor_platforms').where({ vendor_id: vendor.id, platform_id: platform.id }).delete();
  await audit(db, c, {
    action: 'tenancy.vendor.platform_removed',
    targetType: 'vendor',
    targetId: vendor.id,
    vendorId: vendor.id,
    before: { platform: platform.code },
  });
}
