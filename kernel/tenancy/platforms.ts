import type { Context } from 'hono';
import type { Knex } from 'knex';
import { KernelErrors } from '../errors/codes.js';
import type { PlatformRef } from '../plugins/definition.js';

export interface Platform extends PlatformRef {
  domain: string | null;
  isDefault: boolean;
  isActive: boolean;
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
  /** Host header → platform, as seen; bounded, and cleared on refresh. */
  private readonly hosts = new Map<string, Platform | undefined>();

  constructor(private readonly knex: Knex) {}

  async refresh(): Promise<void> {
    const rows = await this.knex('platforms').select('id', 'code', 'name', 'domain', 'is_default', 'is_active');
    const platforms: Platform[] = rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      domain: r.domain,
      isDefault: r.is_default,
      isActive: r.is_active,
    }));
    this.byDomain = new Map(platforms.filter((p) => p.domain).map((p) => [String(p.domain).toLowerCase(), p]));
    this.byCode = new Map(platforms.map((p) => [p.code.toLowerCase(), p]));
    this.byId = new Map(platforms.map((p) => [p.id, p]));
    this.fallback = platforms.find((p) => p.isDefault);
    this.hosts.clear();
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

  /** The platform whose domain is the host (ports and `www.` ignored), else the default platform. */
  forHost(host: string | undefined): Platform | undefined {
    const name = (host ?? '')
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/^www\./, '');
    return this.byDomain.get(name) ?? this.fallback;
  }
}

/**
 * Sets `platform` (and the `platformCode` log/metrics label) from the Host header; an inactive platform is a 404.
 * A plain function, run by the kernel's request-context middleware, not a middleware layer of its own.
 */
export function resolvePlatform(registry: PlatformRegistry): (c: Context) => void {
  return function resolvePlatform(c) {
    const platform = registry.forHost(c.req.header('host'));
    if (!platform) return;
    if (!platform.isActive) throw KernelErrors.NotFound({ path: c.req.path });
    c.set('platform', platform);
    c.set('platformCode', platform.code);
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    platform?: Platform;
  }
}
