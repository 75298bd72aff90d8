import type { Knex } from '@orion/sdk';
import { CatalogErrors, invalidField } from './errors.js';
import { slugify } from './products.js';
import { type CategoryRow, mapUniqueViolation, T, toCategory } from './rows.js';
import type { Category } from './schemas.js';

interface CategoryInput {
  name?: string;
  slug?: string;
  parentId?: number | null;
  position?: number;
}

/** A vendor's categories as a flat list, parents before children (tree order), then by position and name. */
export async function listCategories(trx: Knex, vendorId: number): Promise<Category[]> {
  const rows = await trx<CategoryRow>(T.categories).where({ vendor_id: vendorId }).orderBy(['position', 'name', 'id']);
  const byParent = new Map<number | null, CategoryRow[]>();
  for (const r of rows) {
    const key = r.parent_id === null ? null : Number(r.parent_id);
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  const out: Category[] = [];
  const walk = (parent: number | null) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push(toCategory(r));
      walk(Number(r.id));
    }
  };
  walk(null);
  return out;
}

async function findCategory(trx: Knex, vendorId: number, id: number): Promise<CategoryRow> {
  const row = await trx<CategoryRow>(T.categories).where({ vendor_id: vendorId, id }).first();
  if (!row) throw CatalogErrors.NotFound({ what: 'category', id });
  return row;
}

/** Refuses a parent of another vendor (as unknown) and a parent that would make a loop. */
async function checkParent(trx: Knex, vendorId: number, parentId: number, selfId?: number): Promise<void> {
  const parent = await trx<CategoryRow>(T.categories).where({ vendor_id: vendorId, id: parentId }).first();
  if (!parent) throw invalidField('parentId', `no category ${parentId} in this shop`);
  if (selfId === undefined) return;
  const { rows } = (await trx.raw(
    `with recursive up(id, parent_id) as (
       select id, parent_id from ${T.categories} where vendor_id = ? and id = ?
       union all
       select c.id, c.parent_id from ${T.categories} c join up on c.id = up.parent_id where c.vendor_id = ?
     ) select id from up`,
    [vendorId, parentId, vendorId],
  )) as { rows: { id: number }[] };
  if (rows.some((r) => Number(r.id) === selfId)) {
    throw invalidField('parentId', 'must not be the category itself or one of its subcategories');
  }
}

export async function createCategory(trx: Knex, vendorId: number, input: CategoryInput): Promise<Category> {
  if (input.parentId) await checkParent(trx, vendorId, input.parentId);
  const slug = input.slug ?? slugify(input.name ?? '');
  const [row] = await trx<CategoryRow>(T.categories)
    .insert({
      vendor_id: vendorId,
      name: input.name,
      slug,
      parent_id: input.parentId ?? null,
      position: input.position ?? 0,
    })
    .returning('*')
    .catch((err) => mapUniqueViolation(err, { slug }));
  return toCategory(row as CategoryRow);
}

export async function updateCategory(trx: Knex, vendorId: number, id: number, input: CategoryInput): Promise<Category> {
  await findCategory(trx, vendorId, id);
  if (input.parentId) await checkParent(trx, vendorId, input.parentId, id);
  const cols: Record<string, unknown> = {};
  if (input.name !== undefined) cols.name = input.name;
  if (input.slug !== undefined) cols.slug = input.slug;
  if (input.parentId !== undefined) cols.parent_id = input.parentId;
  if (input.position !== undefined) cols.position = input.position;
  if (!Object.keys(cols).length) return toCategory(await findCategory(trx, vendorId, id));
  const [row] = await trx<CategoryRow>(T.categories)
    .where({ vendor_id: vendorId, id })
    .update(cols)
    .returning('*')
    .catch((err) => mapUniqueViolation(err, { slug: input.slug }));
  return toCategory(row as CategoryRow);
}

/** Deletes a category without subcategories; its products lose it and stay. */
export async function deleteCategory(trx: Knex, vendorId: number, id: number): Promise<void> {
  await findCategory(trx, vendorId, id);
  const child = await trx(T.categories).where({ vendor_id: vendorId, parent_id: id }).first('id');
  if (child) throw CatalogErrors.CategoryInUse({ id });
  await trx(T.categories).where({ vendor_id: vendorId, id }).delete();
}

/** A category and all its subcategories, for "products in this category" filters. */
export async function categoryWithDescendants(trx: Knex, vendorId: number, id: number): Promise<number[]> {
  const { rows } = (await trx.raw(
    `with recursive down(id) as (
       select id from ${T.categories} where vendor_id = ? and id = ?
       union all
       select c.id from ${T.categories} c join down on c.parent_id = down.id where c.vendor_id = ?
     ) select id from down`,
    [vendorId, id, vendorId],
  )) as { rows: { id: number }[] };
  return rows.map((r) => Number(r.id));
}
