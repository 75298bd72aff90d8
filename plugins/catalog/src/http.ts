import type { z } from '@orion/sdk';
import type { Context } from 'hono';

/** A JSON request body declaration for createRoute. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** A JSON response declaration for createRoute. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const NoContent = { description: 'Done' };

/** The vendor of a vendor or shop API request, set by the kernel before any plugin handler runs. */
export function vendorIdOf(c: Context): number {
  const vendor = c.get('vendor');
  if (!vendor) throw new Error('no vendor on a vendor or shop API request');
  return vendor.id;
}
