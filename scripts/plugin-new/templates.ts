/** The files of a new plugin. Each template is the whole file, so what a plugin author gets is readable here. */

export interface Names {
  /** kebab-case plugin id: `gift-cards`. */
  id: string;
  /** Table prefix: the id with `-` turned into `_`: `gift_cards`. */
  prefix: string;
  /** `Gift cards`. */
  label: string;
  /** `GiftCards`, for schema names. */
  pascal: string;
  /** 14-digit UTC timestamp of the first migration. */
  stamp: string;
}

export function packageJson(n: Names): string {
  const pkg = {
    name: `@orion-plugins/${n.id}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `${n.label}: an Orion plugin.`,
    keywords: ['orion-plugin'],
    peerDependencies: { '@orion/sdk': '^1.0.0' },
    orion: {
      id: n.id,
      version: '0.1.0',
      displayName: n.label,
      description: `${n.label}: a list of items per vendor.`,
      category: 'optional',
      kernel: '^1.0.0',
      permissions: [
        { id: `${n.id}.view`, description: `See ${n.label.toLowerCase()}` },
        { id: `${n.id}.edit`, description: `Add ${n.label.toLowerCase()}` },
      ],
      settings: {
        pageTitle: { type: 'string', label: 'Page title', default: n.label, maxLength: 80 },
      },
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const index = (n: Names) => `import { definePlugin } from '@orion/sdk';
import { apiRoutes } from './api.js';
import { vendorPages } from './pages.js';

/** ${n.label}. Routes are in api.ts (JSON) and pages.tsx (HTML), queries in items.ts, tables in migrations/. */
export default definePlugin({
  routes: {
    vendorApi: apiRoutes,
    vendor: vendorPages,
  },
  menu: {
    vendor: [
      {
        id: '${n.id}.items',
        label: '${n.label}',
        href: '/${n.id}',
        section: 'Plugins',
        permission: '${n.id}.view',
      },
    ],
  },
});
`;

export const items = (n: Names) => `import type { Knex } from '@orion/sdk';

export const ITEMS_TABLE = '${n.prefix}__items';

export interface Item {
  id: number;
  title: string;
  createdAt: string;
}

interface ItemRow {
  id: number;
  vendor_id: number;
  title: string;
  created_at: Date;
}

const toItem = (row: ItemRow): Item => ({ id: row.id, title: row.title, createdAt: row.created_at.toISOString() });

/** A vendor's items, newest first. Every query names the vendor: one vendor never sees another's rows. */
export async function listItems(db: Knex, vendorId: number): Promise<Item[]> {
  const rows = await db<ItemRow>(ITEMS_TABLE).where({ vendor_id: vendorId }).orderBy('id', 'desc').limit(100);
  return rows.map(toItem);
}

export async function addItem(db: Knex, vendorId: number, title: string): Promise<Item> {
  const [row] = await db<ItemRow>(ITEMS_TABLE)
    .insert({ vendor_id: vendorId, title })
    .returning(['id', 'vendor_id', 'title', 'created_at']);
  return toItem(row as ItemRow);
}
`;

export const api = (
  n: Names,
) => `import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { addItem, listItems } from './items.js';

const Item = z
  .object({ id: z.number().int(), title: z.string(), createdAt: z.string().openapi({ format: 'date-time' }) })
  .openapi('${n.pascal}Item');

const NewItem = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

const listRoute = createRoute({
  method: 'get',
  path: '/items',
  summary: "The vendor's items, newest first",
  responses: {
    200: { description: 'The items', content: { 'application/json': { schema: z.object({ items: z.array(Item) }) } } },
  },
});

const createItemRoute = createRoute({
  method: 'post',
  path: '/items',
  summary: 'Add an item',
  request: { body: { required: true, content: { 'application/json': { schema: NewItem } } } },
  responses: {
    201: { description: 'The new item', content: { 'application/json': { schema: Item } } },
  },
});

/**
 * JSON routes, mounted at \`/api/v1/vendor/${n.id}\`. The kernel has authenticated the caller (a vendor user's token
 * or an API key) and set \`vendor\`; each route checks its permission. A body that fails NewItem gets a 422.
 */
export function apiRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.use('/items', async (c, next) =>
    requirePermission(c.req.method === 'GET' ? '${n.id}.view' : '${n.id}.edit')(c, next),
  );

  router.openapi(listRoute, async (c) => {
    const vendor = c.get('vendor')!;
    // Row-level security: the vendor's rows are visible only inside withTenant for that vendor.
    const items = await ctx.withTenant({ vendorId: vendor.id }, (trx) => listItems(trx, vendor.id));
    return c.json({ items }, 200);
  });

  router.openapi(createItemRoute, async (c) => {
    const vendor = c.get('vendor')!;
    const { title } = c.req.valid('json');
    const item = await ctx.withTenant({ vendorId: vendor.id }, (trx) => addItem(trx, vendor.id, title));
    ctx.logger.info({ itemId: item.id }, 'item added');
    return c.json(item, 201);
  });
}
`;

export const pages = (
  n: Names,
) => `import { type PluginContext, type PluginRouter, requirePermission } from '@orion/sdk';
import { ItemsPage } from '../views/items-page.js';
import { listItems } from './items.js';

/** HTML pages, mounted at \`/vendor/<vendor code>/${n.id}\`, for signed-in members of that vendor. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/', requirePermission('${n.id}.view'), async (c) => {
    const { pageTitle } = await ctx.settings(c.get('platform').id);
    const vendorId = c.get('vendor')!.id;
    const items = await ctx.withTenant({ vendorId }, (trx) => listItems(trx, vendorId));
    return c.html(<ItemsPage title={String(pageTitle)} items={items} />);
  });
}
`;

export const view = () => `import type { FC } from 'hono/jsx';
import type { Item } from '../src/items.js';

/** The vendor's list of items. Text is escaped by JSX. */
export const ItemsPage: FC<{ title: string; items: Item[] }> = ({ title, items }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
    </head>
    <body>
      <main>
        <h1>{title}</h1>
        {items.length ? (
          <ul>
            {items.map((item) => (
              <li>
                {item.title} <time datetime={item.createdAt}>{item.createdAt.slice(0, 10)}</time>
              </li>
            ))}
          </ul>
        ) : (
          <p>No items yet.</p>
        )}
      </main>
    </body>
  </html>
);
`;

export const migration = (n: Names) => `import { disableTenantRls, enableTenantRls, type Knex } from '@orion/sdk';

/** A tenant table: every row belongs to a vendor, and row-level security keeps each vendor to its own rows. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('${n.prefix}__items', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('title').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'id'], '${n.prefix}__items_vendor');
  });
  await enableTenantRls(knex, '${n.prefix}__items');
}

export async function down(knex: Knex): Promise<void> {
  await disableTenantRls(knex, '${n.prefix}__items');
  await knex.schema.dropTable('${n.prefix}__items');
}
`;

export const test = (n: Names) => `import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestTeamMember,
  createTestVendor,
  disablePlugins,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';

const api = '/api/v1/vendor/${n.id}/items';

describe('${n.id} plugin', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;
  const post = (headers: Record<string, string>, body: unknown) =>
    kernel.request(api, { method: 'POST', headers, body: JSON.stringify(body) });
  const list = async (headers: Record<string, string>) => {
    const res = await kernel.request(api, { headers });
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title);
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['${n.id}']);
    shop = await createTestVendor(kernel);
    other = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('adds an item through the vendor API and lists it, for that vendor only', async () => {
    assert.equal((await post(shop.headers, { title: 'First item' })).status, 201);
    assert.deepEqual(await list(shop.headers), ['First item']);
    assert.deepEqual(await list(other.headers), []);
  });

  it('refuses an empty title with a 422 problem that names the field', async () => {
    const res = await post(shop.headers, { title: '  ' });
    assert.equal(res.status, 422);
    const problem = (await res.json()) as { errors: Record<string, string> };
    assert.equal(problem.errors.title, 'must not be empty');
  });

  it('needs a signed-in member with the permission', async () => {
    assert.equal((await kernel.request(api)).status, 401);
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    assert.deepEqual(await list(viewer.headers), ['First item']);
    assert.equal((await post(viewer.headers, { title: 'Not allowed' })).status, 403);
  });

  it('shows the items on its vendor page, under the page title setting', async () => {
    const res = await kernel.request(\`/vendor/\${shop.code}/${n.id}\`, { headers: shop.headers });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>${n.label}<\\/h1>/);
    assert.match(html, /First item/);
  });

  it('answers 404 on the platform once disabled there', async () => {
    await disablePlugins(kernel, ['${n.id}']);
    assert.equal((await kernel.request(api, { headers: shop.headers })).status, 404);
    await enablePlugins(kernel, ['${n.id}']);
    assert.equal((await kernel.request(api, { headers: shop.headers })).status, 200);
  });
});
`;

export const readme = (n: Names) => `# ${n.label}

An Orion plugin, generated by \`npm run plugin:new -- ${n.id}\`.

- \`package.json\`: the manifest (\`orion\` field): id, version, permissions, settings.
- \`src/index.ts\`: what the plugin contributes (routes, menu items).
- \`src/api.ts\`: JSON routes at \`/api/v1/vendor/${n.id}\`, declared with zod, each behind a permission.
- \`src/pages.tsx\` and \`views/\`: the vendor page at \`/vendor/<vendor code>/${n.id}\`.
- \`migrations/\`: the plugin's tables (\`${n.prefix}__*\`).
- \`tests/\`: run with \`npm test\`.

Install and enable it: \`npm run plugins -- install ${n.id}\`, then \`npm run plugins -- enable main ${n.id}\`.
See docs/plugins/ for the authoring guide.
`;
