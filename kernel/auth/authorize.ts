import type { MiddlewareHandler } from 'hono';
import { AuthErrors } from './errors.js';
import { grants } from './permissions.js';
import type { Principal } from './principal.js';

/**
 * Whether the principal holds a permission. Administrators hold every permission on the platforms they manage
 * (authentication already refused the others); a vendor's owner holds all of its vendor's; a team member holds what
 * the role grants; an API key what it was created with; customers hold none.
 */
export function can(principal: Principal | undefined, permission: string): boolean {
  if (!principal) return false;
  switch (principal.kind) {
    case 'admin':
      return true;
    case 'vendorUser':
      return principal.isOwner || grants(principal.permissions, permission);
    case 'apiKey':
      return grants(principal.permissions, permission);
    case 'customer':
      return false;
  }
}

/** Refuses the request with 403 unless the principal holds the permission (401 without a principal). */
export function requirePermission(permission: string): MiddlewareHandler {
  return async function requirePermission(c, next) {
    const principal = c.get('principal');
    if (!principal) throw AuthErrors.Unauthenticated();
    if (!can(principal, permission)) throw AuthErrors.Forbidden({ needed: `the permission ${permission}` });
    await next();
  };
}

/** Refuses the request unless a shop customer is signed in. */
export function requireCustomer(): MiddlewareHandler {
  return async function requireCustomer(c, next) {
    if (c.get('principal')?.kind !== 'customer') throw AuthErrors.Unauthenticated();
    await next();
  };
}
