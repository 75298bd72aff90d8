import type { Kernel } from '../index.js';

let counter = 0;

/**
 * Creates an administrator in the kernel's database, signs it in, and returns headers carrying its bearer token,
 * for tests of admin API routes. A platform administrator manages the platforms whose codes are given.
 */
export async function adminHeaders(
  kernel: Kernel,
  role: 'super_admin' | 'platform_admin' = 'super_admin',
  platforms: string[] = [],
): Promise<Record<string, string>> {
  const [row] = await kernel.db
    .knex('users')
    .insert({ email: `test-admin-${process.pid}-${++counter}@example.com`, role, display_name: 'Test admin' })
    .returning<{ id: number }[]>('id');
  const userId = (row as { id: number }).id;
  for (const code of platforms) {
    const platform = kernel.platforms.findByCode(code);
    if (!platform) throw new Error(`no platform ${code}`);
    await kernel.db.knex('admin_platforms').insert({ user_id: userId, platform_id: platform.id });
  }
  const { accessToken } = await kernel.auth.service.openSession({ area: 'admin', userId });
  return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
}
