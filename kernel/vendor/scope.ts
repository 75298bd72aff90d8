import type { Context } from 'hono';
import { AuthErrors } from '../auth/errors.js';
import type { VendorUserPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import type { Vendor } from '../tenancy/vendors.js';

/** The dashboard's root URL for this request: `/vendor/<code>`, after `/platforms/<code>` in path mode. */
export const vendorRoot = (c: Context): string => `${c.get('tenant')?.base ?? ''}/vendor/${vendorOf(c).code}`;

/** The vendor named in the path (tenancy resolved it, or answered 404). */
export function vendorOf(c: Context): Vendor {
  const vendor = c.get('vendor');
  if (!vendor) throw KernelErrors.NotFound({ path: c.req.path });
  return vendor;
}

/** The signed-in team member (the dashboard's routes run behind `requireSignIn`). */
export function memberOf(c: Context): VendorUserPrincipal {
  const principal = c.get('principal');
  if (principal?.kind !== 'vendorUser') throw AuthErrors.Unauthenticated();
  return principal;
}
