import crypto from 'node:crypto';
import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import { TenancyErrors } from './errors.js';
import type { PlatformRegistry } from './platforms.js';

export const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `WWW.Shop.example.com ` → `shop.example.com`. */
export const normalizeDomain = (d: string): string =>
  d
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');

/**
 * Adds an unverified custom domain to a vendor on a platform, with the token to publish as a DNS TXT record
 * (audited as `tenancy.domain.added`). A platform's own domain (or a host under it), or another vendor's, is
 * `ORN_TENANCY_DOMAIN_TAKEN`. `domain` is normalized and valid (`HOSTNAME`).
 */
export async function addVendorDomain(
  deps: { db: DbAccess; platforms: PlatformRegistry },
  c: Context,
  input: { vendorId: number; platformId: number; domain: string },
): Promise<Record<string, unknown>> {
  const { vendorId, platformId, domain } = input;
  for (const p of deps.platforms.all()) {
    if (p.domain && (domain === p.domain || domain.endsWith(`.${p.domain}`)))
      throw TenancyErrors.DomainTaken({ domain });
  }
  // Unique across vendors, so looked up system-scoped (the unique index is the last word on a race).
  const taken = await deps.db.asSystem('domain uniqueness', (sys) =>
    sys('vendor_domains').whereRaw('lower(domain) = ?', [domain]).first('id'),
  );
  if (taken) throw TenancyErrors.DomainTaken({ domain });
  return deps.db.asVendor(vendorId, async (db) => {
    const [created] = await db('vendor_domains')
      .insert({
        vendor_id: vendorId,
        platform_id: platformId,
        domain,
        verification_token: `orion-verify=${crypto.randomBytes(18).toString('base64url')}`,
      })
      .returning('*');
    await audit(db, c, {
      action: 'tenancy.domain.added',
      targetType: 'vendor_domain',
      targetId: created.id,
      vendorId,
      after: { domain },
    });
    return created;
  });
}
