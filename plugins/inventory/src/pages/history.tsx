import { type PluginContext, type PluginRouter, requirePermission, vendorOf } from '@orion/sdk';
import { Alert, Button, Form, PageHeader, SelectField, TextField } from '@orion/sdk/ui';
import { catalogVariants } from '../catalog.js';
import { listLocations } from '../locations.js';
import { historyPage } from '../page-queries.js';
import { idQuery, PAGE_SIZE, Pager, pageQuery, reasonLabel, root, TableFrame, TD, tr } from './shared.js';

/**
 * The adjustment history at `/vendor/<code>/inventory/history`: every change of on-hand stock, newest first, with who
 * made it and why; filtered by variant and location (the stock page links here with both), in pages.
 */
export function historyPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/history', requirePermission('inventory.view'), async (c) => {
    const { t, fmt } = tr(c);
    const vendorId = vendorOf(c);
    const page = pageQuery(c.req.query('page'));
    let variantId = idQuery(c.req.query('variant'));
    const [variant] = variantId ? await catalogVariants(ctx).find(vendorId, [variantId]) : [];
    // Another vendor's (or an unknown) variant shows nothing rather than its history.
    if (variantId && !variant) variantId = -1;
    const locationId = idQuery(c.req.query('location'));
    const { adjustments, total, locations } = await ctx.withTenant({ vendorId }, async (trx) => {
      const locations = await listLocations(trx, vendorId);
      const known = locationId === undefined || locations.some((l) => l.id === locationId);
      const found = await historyPage(trx, vendorId, {
        variantId,
        locationId: known ? locationId : -1,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { ...found, locations };
    });
    const ids = [...new Set(adjustments.map((a) => a.variantId))];
    const variants = new Map((ids.length ? await catalogVariants(ctx).find(vendorId, ids) : []).map((v) => [v.id, v]));
    const places = new Map(locations.map((l) => [l.id, l.name]));
    const href = `${root(c)}/history`;
    const params = {
      variant: variantId && variantId > 0 ? String(variantId) : undefined,
      location: locationId ? String(locationId) : undefined,
    };
    return c.render(
      <>
        <PageHeader title={t('inventory.history.title')} description={t('inventory.history.description')} />
        <Form action={href} method="get" csrf="" class="flex flex-wrap items-end gap-3">
          <TextField
            name="variant"
            type="number"
            label={t('inventory.history.variant')}
            value={params.variant ?? ''}
            hint={t('inventory.history.allVariants')}
          />
          <SelectField
            name="location"
            label={t('inventory.col.location')}
            value={params.location ?? ''}
            options={[
              { value: '', label: t('inventory.stock.allLocations') },
              ...locations.map((l) => ({ value: String(l.id), label: l.name })),
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('inventory.stock.filter')}
          </Button>
        </Form>
        {variant ? (
          <Alert kind="info">
            {t('inventory.history.variantOf', { sku: variant.sku, product: variant.productTitle })}
          </Alert>
        ) : null}
        <div id="stock-history" class="space-y-3">
          <TableFrame
            caption={t('inventory.history.caption')}
            columns={[
              t('inventory.col.date'),
              t('inventory.col.sku'),
              t('inventory.col.location'),
              t('inventory.col.change'),
              t('inventory.col.onHandAfter'),
              t('inventory.col.reason'),
              t('inventory.col.note'),
              t('inventory.col.actor'),
            ]}
          >
            {adjustments.length ? (
              adjustments.map((a) => (
                <tr>
                  <td class={TD}>
                    <time datetime={a.createdAt}>{fmt.dateTime(new Date(a.createdAt))}</time>
                  </td>
                  <td class={TD}>{variants.get(a.variantId)?.sku ?? `#${a.variantId}`}</td>
                  <td class={TD}>{places.get(a.locationId) ?? `#${a.locationId}`}</td>
                  <td class={`${TD} tabular-nums`}>{a.delta > 0 ? `+${a.delta}` : String(a.delta)}</td>
                  <td class={`${TD} tabular-nums`}>{a.onHandAfter}</td>
                  <td class={TD}>
                    {reasonLabel(t, a.reason)}
                    {a.orderRef ? ` (${t('inventory.history.order', { ref: a.orderRef })})` : ''}
                  </td>
                  <td class={TD}>{a.note ?? ''}</td>
                  <td class={TD}>{a.actor}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colspan={8} class="px-4 py-10 text-center text-gray-600">
                  {t('inventory.history.empty')}
                </td>
              </tr>
            )}
          </TableFrame>
          <Pager t={t} id="stock-history" href={href} page={page} total={total} params={params} />
        </div>
      </>,
      { title: t('inventory.history.title') },
    );
  });
}
