import { can, type PluginContext, type Principal, z } from '@orion/sdk';
import { Badge, Card, translator } from '@orion/sdk/ui';
import { messages } from '../locales/index.js';
import { listLevels } from '../stock.js';
import { T } from '../tables.js';
import { TD, TH } from './shared.js';

/**
 * What the catalog's product editor gives its `product.sidebar` slot (see the catalog's README), checked here
 * because inventory does not import the catalog's code; `principal` and `language` come from the kernel.
 */
const SidebarProps = z.object({
  vendorId: z.number().int().positive(),
  vendorRoot: z.string(),
  variants: z.array(z.object({ id: z.number().int(), sku: z.string(), label: z.string().default('') })),
  language: z.string().default('en'),
});

/**
 * Inventory's fill of the catalog's `product.sidebar` slot: available units of the product's variants at each
 * location, low levels labelled, and a link to the stock page. Shown only to whoever may see stock.
 */
export async function productStockSummary(props: Record<string, unknown>, ctx: PluginContext) {
  const parsed = SidebarProps.safeParse(props);
  if (!parsed.success) {
    ctx.logger.warn({ issues: parsed.error.issues }, 'product.sidebar: unexpected props');
    return null;
  }
  if (!can(props.principal as Principal | undefined, 'inventory.view')) return null;
  const { vendorId, vendorRoot, variants, language } = parsed.data;
  const { t, fmt } = translator(language, messages);
  const { levels, locations } = await ctx.withTenant({ vendorId }, async (trx) => {
    const levels = variants.length ? await listLevels(trx, vendorId, { variantIds: variants.map((v) => v.id) }) : [];
    const ids = [...new Set(levels.map((l) => l.locationId))];
    const rows: { id: number; name: string }[] = ids.length
      ? await trx(T.locations).where({ vendor_id: vendorId }).whereIn('id', ids).select('id', 'name')
      : [];
    return { levels, locations: new Map(rows.map((r) => [Number(r.id), r.name])) };
  });
  const total = levels.reduce((sum, l) => sum + l.available, 0);
  const stockPage = `${vendorRoot}/inventory`;
  return (
    <Card title={t('inventory.sidebar.title')}>
      <p class="text-sm text-gray-700">{t('inventory.sidebar.total', { count: fmt.number(total) })}</p>
      <table class="mt-2 w-full text-sm">
        <caption class="sr-only">{t('inventory.sidebar.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" class={TH}>
              {t('inventory.col.sku')}
            </th>
            <th scope="col" class={TH}>
              {t('inventory.col.location')}
            </th>
            <th scope="col" class={`${TH} text-right`}>
              {t('inventory.col.available')}
            </th>
          </tr>
        </thead>
        <tbody>
          {variants.flatMap((v) => {
            const own = levels.filter((l) => l.variantId === v.id);
            const name = (
              <th scope="row" class={`${TD} font-normal`}>
                {v.sku}
                {v.label ? <span class="block text-xs text-gray-600">{v.label}</span> : null}
              </th>
            );
            if (!own.length) {
              return [
                <tr data-variant={v.id}>
                  {name}
                  <td class={TD}>{t('inventory.sidebar.none')}</td>
                  <td class={`${TD} text-right tabular-nums`}>0</td>
                </tr>,
              ];
            }
            return own.map((l) => (
              <tr data-variant={v.id}>
                {name}
                <td class={TD}>{locations.get(l.locationId) ?? `#${l.locationId}`}</td>
                <td class={`${TD} text-right tabular-nums`}>
                  {fmt.number(l.available)} {l.low ? <Badge tone="yellow">{t('inventory.low')}</Badge> : null}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      <p class="mt-3 text-sm">
        <a class="text-brand-700 underline" href={stockPage}>
          {t('inventory.sidebar.manage')}
        </a>
      </p>
    </Card>
  );
}
