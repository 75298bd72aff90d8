import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isPermissionPattern } from '../auth/permissions.js';
import { KernelErrors } from '../errors/codes.js';

/** What the vendor API routes share: the caller's vendor, the id parameter and a permission set. */

/** The caller's vendor id (set by the vendor API's authentication); a 404 when there is none. */
export function vendorOf(c: Context): number {
  const vendor = c.get('vendor');
  if (!vendor) throw KernelErrors.NotFound({ path: c.req.path });
  return vendor.id;
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** A named set of permission codes and patterns: a custom role, or an API key. */
export const RoleInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  permissions: z
    .array(z.string().refine(isPermissionPattern, 'must be a code such as products.edit, or a pattern such as *.view'))
    .max(200),
});
