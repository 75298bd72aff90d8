import {
  createRoute,
  jsonBody,
  jsonResponse,
  type Knex,
  type PluginContext,
  type PluginRouter,
  requireCustomer,
  vendorOf,
  z,
} from '@orion/sdk';
import { Address, AddressInput, AddressPatch } from './address.js';
import { createAddress, deleteAddress, listAddresses, type Owner, updateAddress } from './addresses.js';
import { forShopper, inVendor, loadProfile, Profile, ProfilePatch, updateProfile } from './profiles.js';

const tags = ['customer-profiles'];
const middleware = [requireCustomer()];
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Addresses = z.object({ addresses: z.array(Address) });

const routes = {
  me: createRoute({
    method: 'get',
    path: '/me',
    tags,
    middleware,
    summary: "The signed-in customer's profile",
    responses: { 200: jsonResponse(Profile, 'My profile') },
  }),
  updateMe: createRoute({
    method: 'patch',
    path: '/me',
    tags,
    middleware,
    summary: 'Change my profile fields and marketing consent',
    request: jsonBody(ProfilePatch),
    responses: { 200: jsonResponse(Profile, 'My profile') },
  }),
  list: createRoute({
    method: 'get',
    path: '/addresses',
    tags,
    middleware,
    summary: 'My addresses, shipping first, defaults first',
    responses: { 200: jsonResponse(Addresses, 'My addresses') },
  }),
  create: createRoute({
    method: 'post',
    path: '/addresses',
    tags,
    middleware,
    summary: 'Add an address; the first of its kind, or one with isDefault, becomes the default',
    request: jsonBody(AddressInput),
    responses: { 201: jsonResponse(Address, 'The new address') },
  }),
  update: createRoute({
    method: 'patch',
    path: '/addresses/{id}',
    tags,
    middleware,
    summary: 'Change an address; isDefault: true makes it the default of its kind',
    request: { params: IdParam, ...jsonBody(AddressPatch) },
    responses: { 200: jsonResponse(Address, 'The address') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/addresses/{id}',
    tags,
    middleware,
    summary: 'Delete an address; the newest other one of its kind becomes the default',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' } },
  }),
};

/** The signed-in customer of this shop (requireCustomer ran first). */
function ownerOf(c: Parameters<typeof vendorOf>[0]): Owner {
  const principal = c.get('principal');
  if (principal?.kind !== 'customer') throw new Error('requireCustomer must run first');
  return { vendorId: vendorOf(c), customerId: principal.customerId };
}

/**
 * Shop routes at `/api/v1/shop/customer-profiles`, for the signed-in customer of the shop (401 otherwise): my
 * profile and my addresses. A customer only ever reaches their own rows; any other id is a 404.
 */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  const tenant = <R>(o: Owner, fn: (trx: Knex.Transaction) => Promise<R>) =>
    ctx.withTenant({ vendorId: o.vendorId }, fn);
  router.openapi(routes.me, async (c) => {
    const o = ownerOf(c);
    return c.json(forShopper(await inVendor(ctx, o.vendorId, (s) => loadProfile(s, o.customerId))), 200);
  });
  router.openapi(routes.updateMe, async (c) => {
    const o = ownerOf(c);
    const patch = c.req.valid('json');
    return c.json(forShopper(await inVendor(ctx, o.vendorId, (s) => updateProfile(s, o.customerId, patch), c)), 200);
  });
  router.openapi(routes.list, async (c) => {
    const o = ownerOf(c);
    return c.json({ addresses: await tenant(o, (trx) => listAddresses(trx, o)) }, 200);
  });
  router.openapi(routes.create, async (c) => {
    const o = ownerOf(c);
    const input = c.req.valid('json');
    return c.json(await tenant(o, (trx) => createAddress(trx, o, input)), 201);
  });
  router.openapi(routes.update, async (c) => {
    const o = ownerOf(c);
    const patch = c.req.valid('json');
    return c.json(await tenant(o, (trx) => updateAddress(trx, o, c.req.valid('param').id, patch)), 200);
  });
  router.openapi(routes.remove, async (c) => {
    const o = ownerOf(c);
    await tenant(o, (trx) => deleteAddress(trx, o, c.req.valid('param').id));
    return c.body(null, 204);
  });
}
