import { hashPassword } from '../auth/passwords.js';
import type { PresetRole } from '../auth/permissions.js';
import type { Kernel } from '../index.js';
import { createVendor } from '../tenancy/vendor-service.js';
import { asSystem } from './system-db.js';

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

export interface TestVendor {
  id: number;
  code: string;
  ownerUserId: number;
  ownerEmail: string;
  ownerPassword: string;
  /** Role ids of the vendor's preset roles. */
  roles: Record<PresetRole, number>;
  /** Headers with the owner's vendor bearer token and a JSON content type. */
  headers: Record<string, string>;
}

/** A platform with a domain (`<code>.test` unless given), loaded into the registry. */
export async function createTestPlatform(kernel: Kernel, code: string, domain = `${code}.test`): Promise<number> {
  const [row] = await kernel.db.knex('platforms').insert({ code, name: code.toUpperCase(), domain }).returning('id');
  await kernel.platforms.refresh();
  return (row as { id: number }).id;
}

/**
 * A vendor on the given platforms (default `main`), with an owner who has a password and is signed in to the vendor
 * area, loaded into the registry.
 */
export async function createTestVendor(
  kernel: Kernel,
  options: { code?: string; platforms?: string[]; languages?: string[] } = {},
): Promise<TestVendor> {
  const code = options.code ?? `shop-${unique()}`;
  const ownerEmail = `owner-${code}@example.com`;
  const ownerPassword = `pw-${code}-secret`;
  const platformIds = (options.platforms ?? ['main']).map((p) => {
    const platform = kernel.platforms.findByCode(p);
    if (!platform) throw new Error(`no platform ${p}`);
    return platform.id;
  });
  const passwordHash = await hashPassword(ownerPassword, kernel.config.auth.bcryptCost);
  const created = await asSystem(kernel, (db) =>
    createVendor(db, {
      code,
      name: `Shop ${code}`,
      company: { name: `Company ${code}` },
      platformIds,
      owner: { email: ownerEmail, passwordHash },
      languages: options.languages,
    }),
  );
  await kernel.vendors.refresh();
  return {
    id: created.vendorId,
    code,
    ownerUserId: created.ownerUserId,
    ownerEmail,
    ownerPassword,
    roles: created.roles,
    headers: await vendorUserHeaders(kernel, created.ownerUserId, created.vendorId),
  };
}

/** A team member of the vendor with a preset role, signed in; returns its headers. */
export async function createTestTeamMember(
  kernel: Kernel,
  vendor: TestVendor,
  role: PresetRole,
): Promise<{ userId: number; email: string; headers: Record<string, string> }> {
  const email = `${role}-${unique()}@example.com`;
  const [user] = await kernel.db
    .knex('users')
    .insert({ email, role: 'vendor_user', password_hash: await hashPassword('member-password', 4) })
    .returning('id');
  const userId = (user as { id: number }).id;
  await asSystem(kernel, (db) =>
    db('vendor_memberships').insert({
      vendor_id: vendor.id,
      user_id: userId,
      role_id: vendor.roles[role],
      status: 'active',
    }),
  );
  return { userId, email, headers: await vendorUserHeaders(kernel, userId, vendor.id) };
}

/** A customer of the vendor's shop, signed in; returns its id and headers with its shop bearer token. */
export async function createTestCustomer(
  kernel: Kernel,
  vendorId: number,
  email = `customer-${unique()}@example.com`,
  password = 'customer-password',
): Promise<{ id: number; email: string; password: string; headers: Record<string, string> }> {
  const passwordHash = await hashPassword(password, kernel.config.auth.bcryptCost);
  const [row] = await asSystem(kernel, (db) =>
    db('customers').insert({ vendor_id: vendorId, email, password_hash: passwordHash }).returning('id'),
  );
  const id = (row as { id: number }).id;
  const { accessToken } = await kernel.auth.service.openSession({ area: 'shop', customerId: id, vendorId });
  return {
    id,
    email,
    password,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
  };
}

async function vendorUserHeaders(kernel: Kernel, userId: number, vendorId: number): Promise<Record<string, string>> {
  const { accessToken } = await kernel.auth.service.openSession({ area: 'vendor', userId, vendorId });
  return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
}
