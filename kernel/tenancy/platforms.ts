import type { Knex } from 'knex';
import type { PlatformRef } from '../plugins/definition.js';
import { normalizeHost } from './vendors.js';

export interface Platform extends PlatformRef {
  domain: string | null;
  isDefault: boolean;
  isActive: boolean;
  defaultLanguage: string;
  branding: Record<string, unknown>;
  /** Free-form platform settings (the admin console keeps the hidden menu items here, under `menu`). */
  settings: Record<string, unknown>;
}

/**
 * The platforms, held in memory: every request needs one, and they change rarely. `refresh()` reloads them after
 * a change (and, later, on a broadcast from another process).
 */
export class PlatformRegistry {
  private byDomain = new Map<string, Platform>();
  private byCode = new Map<string, Platform>();
  private byId = new Map<number, Platform>();
  private fallback: Platform | undefined;

  constructor(private readonly knex: Knex) {}

  async refresh(): Promise<void> {
    const rows = await this.knex('platforms').select(
      'id',
      'code',
      'name',
      'domain',
      'is_default',
      'is_active',
      'default_language',
      'branding',
      'settings',
    );
    const platforms: Platform[] = rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      domain: r.domain,
      isDefault: r.is_default,
      isActive: r.is_active,
      defaultLanguage: r.default_language,
      branding: r.branding,
      settings: r.settings ?? {},
    }));
    this.byDomain = new Map(platforms.filter((p) => p.domain).map((p) => [normalizeHost(String(p.domain)), p]));
    this.byCode = new Map(platforms.map((p) => [p.code.toLowerCase(), p]));
    this.byId = new Map(platforms.map((p) => [p.id, p]));
    this.fallback = platforms.find((p) => p.isDefault);
  }

  all(): Platform[] {
    return [...this.byId.values()];
  }

  get(id: number): Platform | undefined {
    return this.byId.get(id);
  }

  findByCode(code: string): Platform | undefined {
    return this.byCode.get(code.toLowerCase());
  }

  /** The platform whose domain is exactly this (normalised) host. */
  findByDomain(host: string): Platform | undefined {
    return this.byDomain.get(host);
  }

  /** The default platform: it answers hosts that match no platform, such as localhost or an IP address. */
  defaultPlatform(): Platform | undefined {
    return this.fallback;
  }

  /** The platform whose domain is the host (ports and `www.` ignored), else the default platform. */
  forHost(host: string | undefined): Platform | undefined {
    return this.byDomain.get(normalizeHost(host ?? '')) ?? this.fallback;
  }
}

declare module 'hono' {
  interface ContextVariableMap {
    platform?: Platform;
  }
}
