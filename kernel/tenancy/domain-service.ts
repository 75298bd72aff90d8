import crypto from 'node:crypto';
import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import { type DomainVerifier, verificationRecordName } from './domain-verifier.js';
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
): Promise<VendorDomainRow> {
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
    return created as VendorDomainRow;
  });
}

/** A vendor's custom domain as stored. */
export interface VendorDomainRow {
  id: number;
  vendor_id: number;
  platform_id: number;
  domain: string;
  is_primary: boolean;
  verified_at: Date | null;
  verification_token: string;
}

/** The vendor's custom domains, oldest first. */
export function listVendorDomains(db: DbAccess, vendorId: number): Promise<VendorDomainRow[]> {
  return db.asVendor(vendorId, (q) => q('vendor_domains').where({ vendor_id: vendorId }).orderBy('id'));
}

/** One of the vendor's domains, or undefined (another vendor's domain is never found). */
export function findVendorDomain(db: DbAccess, vendorId: number, id: number): Promise<VendorDomainRow | undefined> {
  return db.asVendor(vendorId, (q) => q('vendor_domains').where({ id, vendor_id: vendorId }).first());
}

/**
 * Marks a domain verified, audit-logged with `action` (`tenancy.domain.verified` after a DNS check,
 * `tenancy.domain.marked_verified` on an administrator's word). Already verified: unchanged. The caller reloads the
 * registries.
 */
export async function setDomainVerified(
  db: DbAccess,
  c: Context,
  row: VendorDomainRow,
  action: 'tenancy.domain.verified' | 'tenancy.domain.marked_verified',
): Promise<VendorDomainRow> {
  if (row.verified_at) return row;
  return db.asVendor(row.vendor_id, async (q) => {
    const [r] = await q('vendor_domains').where({ id: row.id }).update({ verified_at: q.fn.now() }).returning('*');
    await audit(q, c, {
      action,
      targetType: 'vendor_domain',
      targetId: row.id,
      vendorId: row.vendor_id,
      after: { domain: row.domain },
    });
    return r as VendorDomainRow;
  });
}

/**
 * Verifies a domain by looking its TXT record up: not found is ORN_TENANCY_DOMAIN_NOT_VERIFIED (with the record to
 * publish). Audited as `tenancy.domain.verified`.
 */
export async function verifyVendorDomain(
  deps: { db: DbAccess; verifier: DomainVerifier },
  c: Context,
  row: VendorDomainRow,
): Promise<VendorDomainRow> {
  if (!row.verified_at) {
    const record = verificationRecordName(row.domain);
    if (!(await deps.verifier.hasTxtRecord(record, row.verification_token))) {
      throw TenancyErrors.DomainNotVerified({ domain: row.domain, record });
    }
  }
  return setDomainVerified(deps.db, c, row, 'tenancy.domain.verified');
}

/** Makes a domain the vendor's primary one (the others lose it), audited as `tenancy.domain.made_primary`. */
export function makeDomainPrimary(db: DbAccess, c: Context, row: VendorDomainRow): Promise<VendorDomainRow> {
  return db.asVendor(row.vendor_id, (q) =>
    q.transaction(async (trx) => {
      await trx('vendor_domains').where({ vendor_id: row.vendor_id, is_primary: true }).update({ is_primary: false });
      const [updated] = await trx('vendor_domains').where({ id: row.id }).update({ is_primary: true }).returning('*');
      await audit(trx, c, {
        action: 'tenancy.domain.made_primary',
        targetType: 'vendor_domain',
        targetId: row.id,
        vendorId: row.vendor_id,
      });
      return updated as VendorDomainRow;
    }),
  );
}

/** Removes a domain (it stops serving the shop), audited as `tenancy.domain.removed`. */
export function removeVendorDomain(db: DbAccess, c: Context, row: VendorDomainRow): Promise<void> {
  return db.asVendor(row.vendor_id, async (q) => {
    await q('vendor_domains').where({ id: row.id }).delete();
    await audit(q, c, {
      action: 'tenancy.domain.removed',
      targetType: 'vendor_domain',
      targetId: row.id,
      vendorId: row.vendor_id,
      before: { domain: row.domain },
    });
  });
}
