import type { Knex } from 'knex';
import { hashPassword } from '../auth/passwords.js';
import type { PresetRole } from '../auth/permissions.js';
import { withTenant } from '../db/tenant-scope.js';
import { createVendor } from '../tenancy/vendor-service.js';
import { ensureAdmin } from './ensure-admin.js';

/** A demo login printed at start in development. */
export interface DemoLogin {
  /** `admin`, `vendor <code> (<role>)` or `shop <code>`. */
  area: string;
  email: string;
  password: string;
  /** Where to sign in (an API path until the sign-in pages exist). */
  where: string;
}

export const DEMO_ADMIN = { email: 'admin@orion.test', password: 'orion-demo-admin' } as const;
const DEMO_PLATFORM_ADMIN = { email: 'oms-admin@orion.test', password: 'orion-demo-oms-admin' } as const;
const VENDOR_PASSWORD = 'orion-demo-vendor';
const CUSTOMER_PASSWORD = 'orion-demo-customer';

interface DemoVendor {
  code: string;
  name: string;
  platforms: string[];
  languages: string[];
  team: { email: string; role: PresetRole }[];
  customers: string[];
  /** The storefront theme the demo shop starts with (see docs/themes.md). */
  theme: { id: string; preset: string };
}

/** Two platforms, three vendors (one on both), teams with different roles, and customers (one in two shops). */
const VENDORS: DemoVendor[] = [
  {
    code: 'fashion-hub',
    name: 'Fashion Hub',
    platforms: ['main'],
    languages: ['en', 'fr', 'de'],
    team: [
      { email: 'owner@fashion-hub.test', role: 'owner' },
      { email: 'manager@fashion-hub.test', role: 'manager' },
      { email: 'staff@fashion-hub.test', role: 'staff' },
    ],
    customers: ['alice@example.com', 'bob@example.com'],
    theme: { id: 'minimal', preset: 'minimal-sand' },
  },
  {
    code: 'tech-store',
    name: 'Tech Store',
    platforms: ['main', 'oms'],
    languages: ['en', 'fr'],
    team: [
      { email: 'owner@tech-store.test', role: 'owner' },
      { email: 'support@tech-store.test', role: 'support' },
      { email: 'viewer@tech-store.test', role: 'viewer' },
    ],
    customers: ['alice@example.com', 'carol@example.com'],
    theme: { id: 'bold', preset: 'bold-neon' },
  },
  {
    code: 'wholesale',
    name: 'Wholesale Depot',
    platforms: ['oms'],
    languages: ['en', 'de'],
    team: [{ email: 'owner@wholesale.test', role: 'owner' }],
    customers: ['dave@example.com'],
    theme: { id: 'classic', preset: 'classic-forest' },
  },
];

/** The codes of the demo vendors: plugins' `demo` hooks run for these. */
export const DEMO_VENDOR_CODES: readonly string[] = VENDORS.map((v) => v.code);

/**
 * Seeds demo data. Idempotent: running it twice changes nothing the second time, and it never overwrites data a
 * person changed (an existing demo account keeps the password it has now).
 */
export function seedDemo(knex: Knex, bcryptCost: number): Promise<DemoLogin[]> {
  // System-scoped: it writes every vendor's rows.
  return withTenant(knex, { bypass: true, reason: 'demo seed' }, (trx) => seed(trx, bcryptCost));
}

async function seed(knex: Knex, bcryptCost: number): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const exists = await knex('users').whereRaw('lower(email) = ?', [DEMO_ADMIN.email]).first('id');
  if (!exists) await ensureAdmin(knex, DEMO_ADMIN, bcryptCost);
  logins.push({ area: 'admin', ...DEMO_ADMIN, where: 'POST /api/v1/admin/auth/login' });

  if (!(await knex('platforms').where({ code: 'oms' }).first('id'))) {
    await knex('platforms').insert({ code: 'oms', name: 'Orion OMS', domain: 'oms.localhost' });
  }
  const platformIds = new Map<string, number>(
    (await knex('platforms').select('id', 'code')).map((p: { id: number; code: string }) => [p.code, p.id]),
  );
  if (!(await knex('users').whereRaw('lower(email) = ?', [DEMO_PLATFORM_ADMIN.email]).first('id'))) {
    const [row] = await knex('users')
      .insert({
        email: DEMO_PLATFORM_ADMIN.email,
        role: 'platform_admin',
        display_name: 'OMS administrator',
        password_hash: await hashPassword(DEMO_PLATFORM_ADMIN.password, bcryptCost),
      })
      .returning('id');
    await knex('admin_platforms').insert({ user_id: row.id, platform_id: platformIds.get('oms') });
  }
  logins.push({ area: 'admin (oms only)', ...DEMO_PLATFORM_ADMIN, where: 'POST /api/v1/admin/auth/login' });

  const vendorHash = await hashPassword(VENDOR_PASSWORD, bcryptCost);
  const customerHash = await hashPassword(CUSTOMER_PASSWORD, bcryptCost);
  for (const v of VENDORS) {
    const [owner, ...members] = v.team as [DemoVendor['team'][number], ...DemoVendor['team']];
    let vendor = await knex('vendors').where({ code: v.code }).first('id');
    if (!vendor) {
      const created = await createVendor(knex, {
        code: v.code,
        name: v.name,
        company: { name: `${v.name} S.à r.l.` },
        platformIds: v.platforms.map((p) => platformIds.get(p) as number),
        owner: { email: owner.email, displayName: `${v.name} owner`, passwordHash: vendorHash },
        defaultLanguage: 'en',
        languages: v.languages,
      });
      vendor = { id: created.vendorId };
      await knex('vendors')
        .where({ id: vendor.id })
        .update({ theme: JSON.stringify(v.theme) });
      for (const m of members) {
        const [user] = await knex('users')
          .insert({ email: m.email, role: 'vendor_user', password_hash: vendorHash })
          .returning('id');
        const role = await knex('vendor_roles').where({ vendor_id: vendor.id, preset: m.role }).first('id');
        await knex('vendor_memberships').insert({
          vendor_id: vendor.id,
          user_id: user.id,
          role_id: role.id,
          status: 'active',
        });
      }
      for (const email of v.customers) {
        await knex('customers').insert({
          vendor_id: vendor.id,
          email,
          password_hash: customerHash,
          first_name: email.split('@')[0],
        });
      }
    }
    for (const m of v.team) {
      logins.push({
        area: `vendor ${v.code} (${m.role})`,
        email: m.email,
        password: VENDOR_PASSWORD,
        where: 'POST /api/v1/vendor/auth/login',
      });
    }
    logins.push({
      area: `shop ${v.code}`,
      email: v.customers[0] as string,
      password: CUSTOMER_PASSWORD,
      where: `POST ${v.platforms[0] === 'main' ? '' : `/platforms/${v.platforms[0]}`}/vendors/${v.code}/shop/api/v1/shop/auth/login`,
    });
  }
  return logins;
}
