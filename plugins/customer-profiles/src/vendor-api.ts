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
import { Address, AddressInput, AddressPatch } from './address.js';
import { createAddress, deleteAddress, listAddresses, updateAddress } from './addresses.js';
import { sendCsv } from './export.js';
import {
  inVendor,
  listProfiles,
  loadProfile,
  updateCustomer,
  updateNotes,
  VendorProfile,
  VendorProfilePatch,
} from './profiles.js';

const tags = ['customer-profiles'];
const view = [requirePermission('customer-profiles.view')];
const edit = [requirePermission('customer-profiles.edit')];
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const AddressParams = IdParam.extend({ addressId: z.coerce.number().int().positive() });

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
  update: createRoute({
    method: 'patch',
    path: '/customers/{id}',
    tags,
    middleware: edit,
    summary:
      "Change a customer's names, phone, company, VAT number or birth date (never the email or marketing consent)",
    request: { params: IdParam, ...jsonBody(VendorProfilePatch) },
    responses: { 200: jsonResponse(VendorProfile, 'The customer') },
  }),
  addAddress: createRoute({
    method: 'post',
    path: '/customers/{id}/addresses',
    tags,
    middleware: edit,
    summary: "Add an address to a customer's; the first of its kind, or one with isDefault, becomes the default",
    request: { params: IdParam, ...jsonBody(AddressInput) },
    responses: { 201: jsonResponse(Address, 'The new address') },
  }),
  updateAddress: createRoute({
    method: 'patch',
    path: '/customers/{id}/addresses/{addressId}',
    tags,
    middleware: edit,
    summary: "Change a customer's address; isDefault: true makes it the default of its kind",
    request: { params: AddressParams, ...jsonBody(AddressPatch) },
    responses: { 200: jsonResponse(Address, 'The address') },
  }),
  deleteAddress: createRoute({
    method: 'delete',
    path: '/customers/{id}/addresses/{addressId}',
    tags,
    middleware: edit,
    summary: "Delete a customer's address; the newest other one of its kind becomes the default",
    request: { params: AddressParams },
    responses: { 204: { description: 'Deleted' } },
  }),
};

/**
 * Vendor routes at `/api/v1/vendor/customer-profiles`: list, search, view, change the profile and addresses, notes,
 * and the CSV export at `/customers/export.csv`. Another vendor's customer, or address, is a 404.
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
    return c.json(await inVendor(ctx, vendorId, (s) => updateNotes(s, id, notes), c), 200);
  });
  router.openapi(routes.update, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    return c.json(await inVendor(ctx, vendorId, (s) => updateCustomer(s, id, patch), c), 200);
  });
  // Each address route first loads the customer: another vendor's (or a deleted) customer is a 404 before any write.
  router.openapi(routes.addAddress, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const added = await inVendor(
      ctx,
      vendorId,
      async (s) => {
        await loadProfile(s, id);
        return createAddress(s.trx, { vendorId, customerId: id, record: s.record }, input);
      },
      c,
    );
    return c.json(added, 201);
  });
  router.openapi(routes.updateAddress, async (c) => {
    const vendorId = vendorOf(c);
    const { id, addressId } = c.req.valid('param');
    const patch = c.req.valid('json');
    const changed = await inVendor(
      ctx,
      vendorId,
      async (s) => {
        await loadProfile(s, id);
        return updateAddress(s.trx, { vendorId, customerId: id, record: s.record }, addressId, patch);
      },
      c,
    );
    return c.json(changed, 200);
  });
  router.openapi(routes.deleteAddress, async (c) => {
    const vendorId = vendorOf(c);
    const { id, addressId } = c.req.valid('param');
    await inVendor(
      ctx,
      vendorId,
      async (s) => {
        await loadProfile(s, id);
        await deleteAddress(s.trx, { vendorId, customerId: id, record: s.record }, addressId);
      },
      c,
    );
    return c.body(null, 204);
  });
}
