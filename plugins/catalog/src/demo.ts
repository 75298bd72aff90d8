import type { DemoVendor, PluginContext } from '@orion/sdk';
import { createCategory } from './categories.js';
import { initialImage } from './demo-images.js';
import { storeImage } from './images/images.js';
import { createProduct } from './products.js';
import { T } from './rows.js';
import type { ProductInput } from './schemas.js';

const BRANDS = ['Nordlicht', 'Atelier Moselle', 'Kirchberg Co.', 'Petrusse', 'Alzette Works'];
const CATEGORY_TREE: Record<string, string[]> = {
  Clothing: ['T-shirts', 'Jackets', 'Trousers'],
  Electronics: ['Audio', 'Cables', 'Phone cases'],
  Home: ['Kitchen', 'Lighting'],
};
const NOUNS: Record<string, string[]> = {
  'T-shirts': ['Organic T-shirt', 'Striped T-shirt', 'Linen tee', 'Graphic tee'],
  Jackets: ['Rain jacket', 'Denim jacket', 'Down jacket'],
  Trousers: ['Chinos', 'Cargo trousers', 'Wool trousers'],
  Audio: ['Wireless earbuds', 'Bookshelf speaker', 'Studio headphones'],
  Cables: ['USB-C cable', 'HDMI cable', 'Lightning cable'],
  'Phone cases': ['Leather phone case', 'Clear phone case'],
  Kitchen: ['Chef knife', 'Cast-iron pan', 'Espresso cups'],
  Lighting: ['Desk lamp', 'Pendant light', 'LED strip'],
};
const ADJECTIVES = ['Classic', 'Everyday', 'Premium', 'Compact'];

/** A valid GTIN-13 from a 12-digit body (the check digit computed, as a printer of barcodes would). */
function gtin13(body: number): string {
  const digits = String(body).padStart(12, '0').slice(-12);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return digits + String((10 - (sum % 10)) % 10);
}

/**
 * The image of a demo product: its category's initial on the category's colour. One per category, not per product:
 * drawing and resizing an image costs about 0.1 s, and 24 (one per product name) added 3 s to a start seeding the
 * three demo vendors; 8 shared ones add well under half that.
 */
const imageOf = (leaf: string) => initialImage(leaf.charAt(0).toUpperCase(), Object.keys(NOUNS).indexOf(leaf));

/**
 * Demo catalog for one vendor: the category tree above and about 40 products, most with size or colour variants,
 * some drafts and one archived, each with an image (generated, see demo-images.ts). Seeds nothing when the vendor
 * has products already.
 */
export async function seedCatalogDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  const started = performance.now();
  const platformId = vendor.platformIds[0] as number;
  const currency = String((await ctx.settings(platformId)).currency);
  const seeded = await ctx.withTenant({ vendorId: vendor.id }, (trx) =>
    trx(T.products).where({ vendor_id: vendor.id }).first('id'),
  );
  if (seeded) return;
  // Drawn before the transaction (CPU work, in parallel on sharp's threads) so it does not hold the connection.
  const images = new Map(
    await Promise.all(Object.keys(NOUNS).map(async (leaf) => [leaf, await imageOf(leaf)] as const)),
  );
  const drawnMs = Math.round(performance.now() - started);
  await ctx.withTenant({ vendorId: vendor.id }, async (trx) => {
    if (await trx(T.products).where({ vendor_id: vendor.id }).first('id')) return;
    const leafIds = new Map<string, number>();
    for (const [parent, children] of Object.entries(CATEGORY_TREE)) {
      const top = await createCategory(trx, vendor.id, { name: parent });
      for (const child of children) {
        leafIds.set(child, (await createCategory(trx, vendor.id, { name: child, parentId: top.id })).id);
      }
    }
    let n = 0;
    for (const [leaf, nouns] of Object.entries(NOUNS)) {
      for (const noun of nouns) {
        for (const adjective of ADJECTIVES.slice(0, 2)) {
          n++;
          const sku = `${vendor.code.slice(0, 3).toUpperCase()}-${String(n).padStart(4, '0')}`;
          const base = 990 + ((n * 737) % 12_000);
          const clothing = ['T-shirts', 'Jackets', 'Trousers'].includes(leaf);
          const withColours = !clothing && n % 3 === 0;
          const options = clothing ? ['Size'] : withColours ? ['Colour'] : [];
          const values = clothing ? ['S', 'M', 'L', 'XL'] : withColours ? ['Black', 'White'] : [''];
          const input: ProductInput = {
            title: `${adjective} ${noun.toLowerCase()}`,
            description: `A ${adjective.toLowerCase()} ${noun.toLowerCase()} from **${vendor.name}**.\n\n- Made to last\n- Ships in 2 days`,
            status: n % 11 === 0 ? 'archived' : n % 7 === 0 ? 'draft' : 'active',
            brand: BRANDS[n % BRANDS.length] as string,
            gtin: gtin13(400_000_000_000 + vendor.id * 10_000 + n),
            taxRateBp: leaf === 'Kitchen' ? 800 : null,
            featured: n % 9 === 1,
            categoryIds: [leafIds.get(leaf) as number],
            options,
            variants: values.map((value, i) => ({
              sku: value ? `${sku}-${value.toUpperCase()}` : sku,
              optionValues: options.length ? { [options[0] as string]: value } : {},
              price: { amountMinor: base + i * 200, currency },
              compareAtPrice: n % 5 === 0 ? { amountMinor: base + i * 200 + 1000, currency } : null,
              weightGrams: 100 + ((n * 53) % 1500),
            })),
          };
          const product = await createProduct(trx, { vendorId: vendor.id, currency }, input);
          const image = images.get(leaf);
          if (image) await storeImage(trx, ctx.files, vendor.id, product.id, image, input.title as string);
        }
      }
    }
  });
  ctx.logger.info(
    { vendor: vendor.code, imagesDrawnMs: drawnMs, ms: Math.round(performance.now() - started) },
    'demo catalog seeded',
  );
}
