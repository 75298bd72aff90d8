import { issueToken } from '../auth/tokens.js';
import type { Kernel } from '../index.js';

let counter = 0;

/**
 * Creates an administrator in the kernel's database and returns headers carrying a bearer token for it, for tests
 * of admin API routes.
 */
export async function adminHeaders(
  kernel: Kernel,
  role: 'super_admin' | 'platform_admin' = 'super_admin',
): Promise<Record<string, string>> {
  const [row] = await kernel.db
    .knex('users')
    .insert({ email: `test-admin-${process.pid}-${++counter}@example.com`, role, display_name: 'Test admin' })
    .returning<{ id: number }[]>('id');
  const token = await issueToken({ sub: String(row?.id), role }, kernel.config.secret, 3600);
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}
