import { type PluginContext, type PluginRouter, requirePermission, vendorOf } from '@orion/sdk';
import { deleteProduct, findProductRow } from '../products.js';
import { event } from '../products-api.js';
import { ConfirmDialog, csrfToken, seeOther, setFlash } from './kit.js';
import { idParam, root, tr } from './shared.js';

/** Deleting a product from its editor: asks first, then soft-deletes (its slug and SKUs stay reserved). */
export function productDeletePages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/products/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const row = await ctx.withTenant({ vendorId }, (trx) => findProductRow(trx, vendorId, idParam(c) as number));
    const title = t('catalog.products.deleteConfirm', { title: row.title });
    return c.render(
      <ConfirmDialog
        id="product-delete"
        title={title}
        action={`${root(c)}/products/${row.id}/delete`}
        csrf={csrfToken(c)}
        cancelHref={`${root(c)}/products/${row.id}`}
        confirmLabel={t('catalog.action.delete')}
        danger
      >
        {t('catalog.products.deleteExplain')}
      </ConfirmDialog>,
      { title },
    );
  });

  router.post('/products/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const vendorId = vendorOf(c);
    const row = await ctx.withTenant({ vendorId }, (trx) => deleteProduct(trx, vendorId, idParam(c) as number));
    ctx.emit('catalog.product.deleted', event(c, vendorId, row));
    setFlash(c, { kind: 'success', text: tr(c).t('catalog.flash.deleted') });
    return seeOther(c, root(c));
  });
}
