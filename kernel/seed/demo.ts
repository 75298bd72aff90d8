import type { Knex } from 'knex';
import { ensureAdmin } from './ensure-admin.js';

/** A demo login printed at start in development. Later issues add platforms, vendors and shops to the demo. */
export interface DemoLogin {
  area: string;
  email: string;
  password: string;
}

export const DEMO_ADMIN = { email: 'admin@orion.test', password: 'orion-demo-admin' } as const;

/**
 * Seeds demo data. Idempotent: running it twice changes nothing the second time, and it never overwrites data
 * a person changed (an existing demo admin keeps the password it has now).
 */
export async function seedDemo(knex: Knex, bcryptCost: number): Promise<DemoLogin[]> {
  const exists = await knex('users').whereRaw('lower(email) = ?', [DEMO_ADMIN.email]).first('id');
  if (!exists) await ensureAdmin(knex, DEMO_ADMIN, bcryptCost);
  return [{ area: 'admin', email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }];
}
