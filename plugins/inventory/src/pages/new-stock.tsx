import { type PluginContext, type PluginRouter, requirePermission, vendorOf } from '@orion/sdk';
import { Alert, Button, Card, Form, LinkButton, PageHeader, SelectField } from '@orion/sdk/ui';
import { catalogVariants } from '../catalog.js';
import { listLocations } from '../locations.js';
import { T } from '../tables.js';
import { idQuery, root, tr } from './shared.js';

/** How many unstocked variants the picker offers; a larger catalog receives stock through the API. */
const PICKER_LIMIT = 1000;

/**
 * "Add stock" at `/vendor/<code>/inventory/stock/new`: the stock page lists only variants that have stock rows, so a
 * new variant is picked here (with a location), then counted on the usual edit page. A GET form: no JavaScript needed.
 */
export function newStockPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/stock/new', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const variant = idQuery(c.req.query('variant'));
    const location = idQuery(c.req.query('location'));
    // The edit page checks both ids (another vendor's is a 404 there).
    if (variant && location) return c.redirect(`${root(c)}/stock/${variant}/${location}/edit`, 303);
    const vendorId = vendorOf(c);
    const all = await catalogVariants(ctx).list(vendorId, { limit: PICKER_LIMIT * 2 });
    const { stocked, locations } = await ctx.withTenant({ vendorId }, async (trx) => ({
      locations: await listLocations(trx, vendorId),
      stocked: new Set(
        (await trx(T.stock).where({ vendor_id: vendorId }).distinct('variant_id')).map((r: { variant_id: number }) =>
          Number(r.variant_id),
        ),
      ),
    }));
    const unstocked = all.filter((v) => !stocked.has(v.id)).slice(0, PICKER_LIMIT);
    const action = `${root(c)}/stock/new`;
    return c.render(
      <>
        <PageHeader title={t('inventory.new.title')} description={t('inventory.new.description')} />
        <Card>
          {unstocked.length ? (
            <Form action={action} method="get" csrf="">
              <SelectField
                name="variant"
                label={t('inventory.new.variant')}
                options={unstocked.map((v) => ({ value: String(v.id), label: `${v.sku} · ${v.productTitle}` }))}
              />
              <SelectField
                name="location"
                label={t('inventory.col.location')}
                value={String(locations.find((l) => l.isDefault)?.id ?? '')}
                options={locations.map((l) => ({ value: String(l.id), label: l.name }))}
              />
              <div class="flex gap-2">
                <Button type="submit">{t('inventory.new.continue')}</Button>
                <LinkButton variant="secondary" href={root(c)}>
                  {t('inventory.cancel')}
                </LinkButton>
              </div>
            </Form>
          ) : (
            <Alert kind="info">{t('inventory.new.none')}</Alert>
          )}
        </Card>
      </>,
      { title: t('inventory.new.title') },
    );
  });
}
