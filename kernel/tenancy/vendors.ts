import type { Knex } from 'knex';
import { withTenant } from '../db/tenant-scope.js';

export type VendorStatus = 'active' | 'suspended';

/** A vendor (a shop) as requests see it. Soft-deleted vendors are not here: they answer 404. */
export interface Vendor {
  id: number;
  code: string;
  name: string;
  companyId: number;
  status: VendorStatus;
  defaultLanguage: string;
  languages: string[];
  /** The published theme settings (the storefront reads them). */
  theme: Record<string, unknown>;
}

/** A vendor's membership of one platform. */
export interface VendorOnPlatform {
  platformId: number;
  subdomain: string;
  status: VendorStatus;
  /** This platform's own published theme settings; null when it shows the shop's (`Vendor.theme`). */
  theme: Record<string, unknown> | null;
}

/**
 * Vendors, their platform memberships and their verified custom domains, held in memory: every shop request
 * resolves its vendor from the host or the path, before any route runs. `refresh()` reloads everything after a
 * change here or on a broadcast from another process. A vendor costs a few hundred bytes.
 */
export class VendorRegistry {
  private byCode = new Map<string, Vendor>();
  private byId = new Map<number, Vendor>();
  private memberships = new Map<number, Map<number, VendorOnPlatform>>();
  /** `<platformId>:<subdomain>` → vendor. */
  private bySubdomain = new Map<string, Vendor>();
  /** Verified custom domain → vendor and the platform it serves. */
  private byDomain = new Map<string, { vendor: Vendor; platformId: number }>();

  constructor(private readonly knex: Knex) {}

  async refresh(): Promise<void> {
    // Every vendor's memberships and domains: system-scoped, in one transaction for one consistent picture.
    const scope = { bypass: true, reason: 'vendor registry' } as const;
    const [vendors, members, domains] = await withTenant(this.knex, scope, async (db) => [
      await db('vendors')
        .whereNull('deleted_at')
        .select('id', 'code', 'name', 'company_id', 'status', 'default_language', 'languages', 'theme'),
      await db('vendor_platforms').select('vendor_id', 'platform_id', 'subdomain', 'status', 'theme'),
      await db('vendor_domains').whereNotNull('verified_at').select('vendor_id', 'platform_id', 'domain'),
    ]);
    const byId = new Map<number, Vendor>();
    for (const r of vendors) {
      byId.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        companyId: r.company_id,
        status: r.status,
        defaultLanguage: r.default_language,
        languages: r.languages,
        theme: r.theme,
      });
    }
    const memberships = new Map<number, Map<number, VendorOnPlatform>>();
    const bySubdomain = new Map<string, Vendor>();
    for (const m of members) {
      const vendor = byId.get(m.vendor_id);
      if (!vendor) continue;
      const of = memberships.get(vendor.id) ?? new Map<number, VendorOnPlatform>();
      of.set(m.platform_id, {
        platformId: m.platform_id,
        subdomain: m.subdomain,
        status: m.status,
        theme: m.theme ?? null,
      });
      memberships.set(vendor.id, of);
      bySubdomain.set(`${m.platform_id}:${String(m.subdomain).toLowerCase()}`, vendor);
    }
    const byDomain = new Map<string, { vendor: Vendor; platformId: number }>();
    for (const d of domains) {
      const vendor = byId.get(d.vendor_id);
      if (vendor) byDomain.set(normalizeHost(d.domain), { vendor, platformId: d.platform_id });
    }
    this.byId = byId;
    this.byCode = new Map([...byId.values()].map((v) => [v.code.toLowerCase(), v]));
    this.memberships = memberships;
    this.bySubdomain = bySubdomain;
    this.byDomain = byDomain;
  }

  get(id: number): Vendor | undefined {
    return this.byId.get(id);
  }

  findByCode(code: string): Vendor | undefined {
    return this.byCode.get(code.toLowerCase());
  }

  findBySubdomain(platformId: number, subdomain: string): Vendor | undefined {
    return this.bySubdomain.get(`${platformId}:${subdomain}`);
  }

  /** A verified custom domain (already normalised). */
  findByDomain(host: string): { vendor: Vendor; platformId: number } | undefined {
    return this.byDomain.get(host);
  }

  onPlatform(vendorId: number, platformId: number): VendorOnPlatform | undefined {
    return this.memberships.get(vendorId)?.get(platformId);
  }

  platformsOf(vendorId: number): VendorOnPlatform[] {
    return [...(this.memberships.get(vendorId)?.values() ?? [])];
  }

  /** The vendors whose shops are open on a platform, by name. */
  openOn(platformId: number): Vendor[] {
    return [...this.byId.values()]
      .filter((v) => this.isOpenOn(v, platformId))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Open on this platform: the vendor is active, and a member of the platform that is active there. */
  isOpenOn(vendor: Vendor, platformId: number): boolean {
    return vendor.status === 'active' && this.onPlatform(vendor.id, platformId)?.status === 'active';
  }
}

const normalizedHosts = new Map<string, string>();

/** Lowercase, without a port or a leading `www.`. */
export function normalizeHost(host: string): string {
  const known = normalizedHosts.get(host);
  if (known !== undefined) return known;
  let h = host.toLowerCase();
  const colon = h.lastIndexOf(':');
  if (colon > -1 && !h.endsWith(']')) h = h.slice(0, colon);
  h = h.startsWith('www.') ? h.slice(4) : h;
  // Every request normalises its Host header; a deployment sees few distinct ones. Bounded: the header is the client's.
  if (normalizedHosts.size >= 1000) normalizedHosts.clear();
  normalizedHosts.set(host, h);
  return h;
}
