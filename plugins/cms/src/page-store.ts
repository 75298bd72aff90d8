import type { Knex } from '@orion/sdk';
import { CmsErrors } from './errors.js';
import type { Page, PageInput } from './schemas.js';

/**
 * Reads and writes pages and their translations, for either family of tables. `owner` is the condition that names
 * whose pages they are (`{ platform_id, tier }` or `{ vendor_id }`): every query carries it, so an id that belongs
 * to someone else is simply not found.
 */
export interface PageTables {
  pages: string;
  translations: string;
  tier: (row: PageRow) => Page['tier'];
}

export interface PageRow {
  id: number;
  slug: string;
  tier?: 'marketing' | 'default';
  show_in_header: boolean;
  show_in_footer: boolean;
  nav_order: number;
  published_at: Date | null;
  updated_at: Date;
}

export interface TranslationRow {
  page_id: number;
  language: string;
  title: string;
  content: string;
  seo_title: string | null;
  seo_description: string | null;
}

type Owner = Record<string, string | number>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toPage(tables: PageTables, row: PageRow, translations: TranslationRow[]): Page {
  return {
    id: Number(row.id),
    slug: row.slug,
    tier: tables.tier(row),
    status: row.published_at ? 'published' : 'draft',
    publishedAt: iso(row.published_at),
    showInHeader: row.show_in_header,
    showInFooter: row.show_in_footer,
    navOrder: row.nav_order,
    updatedAt: iso(row.updated_at) ?? '',
    translations: translations
      .filter((t) => Number(t.page_id) === Number(row.id))
      .map((t) => ({
        language: t.language,
        title: t.title,
        content: t.content,
        seoTitle: t.seo_title,
        seoDescription: t.seo_description,
      })),
  };
}

export async function translationsOf(db: Knex, tables: PageTables, ids: number[]): Promise<TranslationRow[]> {
  if (!ids.length) return [];
  return db<TranslationRow>(tables.translations).whereIn('page_id', ids).orderBy(['page_id', 'language']);
}

export async function listPages(db: Knex, tables: PageTables, owner: Owner): Promise<Page[]> {
  const rows = await db<PageRow>(tables.pages).where(owner).orderBy(['nav_order', 'slug']);
  const translations = await translationsOf(
    db,
    tables,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPage(tables, r, translations));
}

export async function getPage(db: Knex, tables: PageTables, owner: Owner, id: number): Promise<Page> {
  const row = await db<PageRow>(tables.pages).where(owner).where({ id }).first();
  if (!row) throw CmsErrors.PageNotFound({ id: String(id) });
  return toPage(tables, row, await translationsOf(db, tables, [row.id]));
}

async function assertSlugFree(db: Knex, tables: PageTables, owner: Owner, slug: string, exceptId?: number) {
  const q = db(tables.pages).where(owner).where({ slug });
  if (exceptId !== undefined) q.whereNot({ id: exceptId });
  if (await q.first('id')) throw CmsErrors.SlugTaken({ slug });
}

function columns(input: PageInput, before?: { published_at: Date | null }) {
  const publishedAt = input.status === 'published' ? (before?.published_at ?? new Date()) : null;
  return {
    slug: input.slug,
    show_in_header: input.showInHeader,
    show_in_footer: input.showInFooter,
    nav_order: input.navOrder,
    published_at: publishedAt,
    updated_at: new Date(),
  };
}

async function writeTranslations(db: Knex, tables: PageTables, pageId: number, input: PageInput, extra: Owner) {
  await db(tables.translations).where({ page_id: pageId }).delete();
  await db(tables.translations).insert(
    input.translations.map((t) => ({
      page_id: pageId,
      ...extra,
      language: t.language,
      title: t.title,
      content: t.content,
      seo_title: t.seoTitle || null,
      seo_description: t.seoDescription || null,
    })),
  );
}

/** `extra` holds the columns translations need besides the page id (the vendor id, for row-level security). */
export async function createPage(
  db: Knex,
  tables: PageTables,
  owner: Owner,
  input: PageInput,
  extra: Owner = {},
): Promise<Page> {
  await assertSlugFree(db, tables, owner, input.slug);
  const [row] = await db(tables.pages)
    .insert({ ...owner, ...columns(input) })
    .returning('id');
  const id = Number((row as { id: number }).id);
  await writeTranslations(db, tables, id, input, extra);
  return getPage(db, tables, owner, id);
}

/** Replaces the page's fields and translations. A page published before keeps its first publication time. */
export async function updatePage(
  db: Knex,
  tables: PageTables,
  owner: Owner,
  id: number,
  input: PageInput,
  extra: Owner = {},
): Promise<{ page: Page; wasPublished: boolean }> {
  const before = await db<PageRow>(tables.pages).where(owner).where({ id }).first();
  if (!before) throw CmsErrors.PageNotFound({ id: String(id) });
  await assertSlugFree(db, tables, owner, input.slug, id);
  await db(tables.pages).where(owner).where({ id }).update(columns(input, before));
  await writeTranslations(db, tables, id, input, extra);
  return { page: await getPage(db, tables, owner, id), wasPublished: before.published_at !== null };
}

export async function deletePage(db: Knex, tables: PageTables, owner: Owner, id: number): Promise<Page> {
  const page = await getPage(db, tables, owner, id);
  await db(tables.pages).where(owner).where({ id }).delete();
  return page;
}

/** The published page at `slug` with its translations, or undefined. */
export async function findPublished(
  db: Knex,
  tables: PageTables,
  owner: Owner,
  slug: string,
): Promise<Page | undefined> {
  const row = await db<PageRow>(tables.pages).where(owner).where({ slug }).whereNotNull('published_at').first();
  return row ? toPage(tables, row, await translationsOf(db, tables, [row.id])) : undefined;
}

/** Every published page, for navigation. */
export async function listPublished(db: Knex, tables: PageTables, owner: Owner): Promise<Page[]> {
  const rows = await db<PageRow>(tables.pages).where(owner).whereNotNull('published_at');
  const translations = await translationsOf(
    db,
    tables,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPage(tables, r, translations));
}

export const PLATFORM_TABLES: PageTables = {
  pages: 'cms__platform_pages',
  translations: 'cms__platform_page_translations',
  tier: (row) => row.tier ?? 'default',
};

export const VENDOR_TABLES: PageTables = {
  pages: 'cms__vendor_pages',
  translations: 'cms__vendor_page_translations',
  tier: () => 'vendor',
};
