import {
  createRoute,
  jsonBody,
  jsonResponse,
  type PluginContext,
  type PluginRouter,
  requirePermission,
  vendorOf,
  z,
} from '@orion/sdk';
import { Address } from './address.js';
import { listAddresses } from './addresses.js';
import { sendCsv } from './export.js';
import { inVendor, listProfiles, loadProfile, updateNotes, VendorProfile } from './profiles.js';

const tags = ['customer-profiles'];
const view = [requirePermission('customer-profiles.view')];
const edit = [requirePermission('customer-profiles.edit')];
const IdParam = z.object({ id: z.coerce.number().int().positive() });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/customers',
    tags,
    middleware: view,
    summary: 'List and search customers with their profiles, newest first',
    request: {
      query: z.object({
        search: z.string().trim().max(100).optional().openapi({ description: 'Part of the email, name or company' }),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({
          customers: z.array(VendorProfile),
          total: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
        'One page of customers',
      ),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/customers/{id}',
    tags,
    middleware: view,
    summary: 'One customer with profile, notes and addresses',
    request: { params: IdParam },
    responses: { 200: jsonResponse(VendorProfile.extend({ addresses: z.array(Address) }), 'The customer') },
  }),
  notes: createRoute({
    method: 'put',
    path: '/customers/{id}/notes',
    tags,
    middleware: edit,
    summary: "Replace the vendor's notes on a customer (never shown to the customer)",
    request: {
      params: IdParam,
      ...jsonBody(z.object({ notes: z.string().max(5000, 'must be at most 5000 characters') })),
    },
    responses: { 200: jsonResponse(VendorProfile, 'The customer') },
  }),
};

/**
 * Vendor routes at `/api/v1/vendor/customer-profiles`: list, search, view, notes, and the CSV export at
 * `/customers/export.csv`. Another vendor's customer is a 404.
 */
export function vendorRoutes(router: PluginRouter, ctx: PluginContext): void {
  // Before /customers/{id}, which would take "export.csv" for an id.
  router.get('/customers/export.csv', requirePermission('customer-profiles.view'), (c) => sendCsv(c, ctx));
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorOf(c);
    const q = c.req.valid('query');
    const page = await inVendor(ctx, vendorId, (s) => listProfiles(s, q));
    return c.json({ ...page, limit: q.limit, offset: q.offset }, 200);
  });
  router.openapi(routes.get, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const found = await inVendor(ctx, vendorId, async (s) => ({
      ...(await loadProfile(s, id)),
      addresses: await listAddresses(s.trx, { vendorId, customerId: id }),
    }));
    return c.json(found, 200);
  });
  router.openapi(routes.notes, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const { notes } = c.req.valid('json');
    return c.json(await inVendor(ctx, vendorId, (s) => updateNotes(s, id, notes)), 200);
  });
}
