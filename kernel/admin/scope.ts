import type { Context } from 'hono';
import type { Knex } from 'knex';
import { AuthErrors } from '../auth/errors.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import type { Platform, PlatformRegistry } from '../tenancy/platforms.js';

/** The signed-in administrator (the console's routes run behind `requireSignIn`). */
export function adminOf(c: Context): AdminPrincipal {
  const principal = c.get('principal');
  if (principal?.kind !== 'admin') throw AuthErrors.Unauthenticated();
  return principal;
}

/** The platforms this administrator manages: all of them for a super administrator. */
export function managedPlatforms(c: Context, platforms: PlatformRegistry): Platform[] {
  const ids = adminOf(c).platformIds;
  return platforms
    .all()
    .filter((p) => ids === 'all' || ids.includes(p.id))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

/** A platform named in the path, if the administrator manages it; 404 otherwise (no hint that it exists). */
export function managedPlatform(c: Context, platforms: PlatformRegistry, code: string): Platform {
  const found = managedPlatforms(c, platforms).find((p) => p.code.toLowerCase() === code.toLowerCase());
  if (!found) throw KernelErrors.NotFound({ path: c.req.path });
  return found;
}

/** Restricts a query on vendors (`alias.id`) to those on the administrator's platforms. */
export function onManagedPlatforms(c: Context, query: Knex.QueryBuilder, alias = 'v'): Knex.QueryBuilder {
  const ids = adminOf(c).platformIds;
  if (ids === 'all') return query;
  return query.whereExists((s) =>
    s
      .from('vendor_platforms as scope_vp')
      .whereRaw(`scope_vp.vendor_id = ${alias}.id`)
      .whereIn('scope_vp.platform_id', [...ids]),
  );
}
