import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import type { Context } from 'hono';
import { findProductRow } from '../products.js';
import { event, writeContext } from '../products-api.js';
import type { ProductRow } from '../rows.js';
import type { Variant } from '../schemas.js';
import { addVariant, deleteVariant, getVariant, updateVariant } from '../variants.js';
import {
  Alert,
  Button,
  ConfirmDialog,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  formValue,
  PageHeader,
  readForm,
  seeOther,
  setFlash,
  TextField,
} from './kit.js';
import { variantForm } from './product-form.js';
import { amountInput, formErrorsOf, idParam, root, tr } from './shared.js';

type Values = Record<string, string | string[]>;

function valuesOf(v: Variant, options: string[]): Values {
  return {
    sku: v.sku,
    price: amountInput(v.price.amountMinor, v.price.currency),
    compareAtPrice: amountInput(v.compareAtPrice?.amountMinor, v.price.currency),
    weightGrams: v.weightGrams === null ? '' : String(v.weightGrams),
    gtin: v.gtin ?? '',
    ...Object.fromEntries(options.map((o, i) => [`option${i}`, v.optionValues[o] ?? ''])),
  };
}

function VariantPage(props: {
  c: Context;
  product: ProductRow;
  action: string;
  values: Values;
  errors: FieldErrors;
  title: string;
}) {
  const { t } = tr(props.c);
  const v = (k: string) => formValue(props.values, k) ?? '';
  const e = props.errors;
  return (
    <>
      <PageHeader title={props.title} description={props.product.title} />
      <Form action={props.action} csrf={csrfToken(props.c)} class="space-y-3">
        <ErrorSummary errors={e} />
        <TextField name="sku" label={t('catalog.field.sku')} value={v('sku')} error={e.sku} required />
        {props.product.options.map((o, i) => (
          <TextField
            name={`option${i}`}
            label={o}
            value={v(`option${i}`)}
            error={e[`option${i}`] ?? (i === 0 ? e.optionValues : undefined)}
            required
          />
        ))}
        <TextField name="price" label={t('catalog.field.price')} value={v('price')} error={e.price} required />
        <TextField
          name="compareAtPrice"
          label={t('catalog.field.compareAtPrice')}
          value={v('compareAtPrice')}
          error={e.compareAtPrice}
        />
        <TextField
          name="weightGrams"
          label={t('catalog.field.weight')}
          value={v('weightGrams')}
          error={e.weightGrams}
        />
        <TextField
          name="gtin"
          label={t('catalog.field.gtin')}
          value={v('gtin')}
          error={e.gtin}
          hint={t('catalog.hint.gtin')}
        />
        <Button type="submit">{t('catalog.action.save')}</Button>
      </Form>
    </>
  );
}

const MAP = { 'price.': 'price', compareAtPrice: 'compareAtPrice', optionValues: 'optionValues' };

/** Variant pages: add (products with options), change, delete (asks first; never the last one). */
export function variantPages(router: PluginRouter, ctx: PluginContext): void {
  const render = (
    c: Context,
    product: ProductRow,
    action: string,
    values: Values,
    errors: FieldErrors,
    title: string,
  ) =>
    c.render(<VariantPage c={c} product={product} action={action} values={values} errors={errors} title={title} />, {
      title,
    });

  router.get('/products/:id{[0-9]+}/variants/new', requirePermission('catalog.edit'), async (c) => {
    const vendorId = vendorOf(c);
    const product = await ctx.withTenant({ vendorId }, (trx) => findProductRow(trx, vendorId, idParam(c) as number));
    if (!product.options.length) return c.notFound();
    return render(
      c,
      product,
      `${root(c)}/products/${product.id}/variants/new`,
      {},
      {},
      tr(c).t('catalog.variants.add'),
    );
  });
  router.post('/products/:id{[0-9]+}/variants/new', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const w = await writeContext(ctx, c);
    const product = await ctx.withTenant({ vendorId: w.vendorId }, (trx) =>
      findProductRow(trx, w.vendorId, idParam(c) as number),
    );
    const action = `${root(c)}/products/${product.id}/variants/new`;
    const form = await readForm(c, z.object({}).passthrough());
    const parsed = variantForm(t, w.currency, product.options).safeParse(form.values);
    let errors: FieldErrors = {};
    if (parsed.success) {
      try {
        await ctx.withTenant({ vendorId: w.vendorId }, (trx) => addVariant(trx, w, product, parsed.data));
        ctx.emit('catalog.product.updated', { ...event(c, w.vendorId, product), changed: ['variants'] });
        setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
        return seeOther(c, `${root(c)}/products/${product.id}`);
      } catch (err) {
        errors =
          formErrorsOf(err, t, MAP) ??
          (() => {
            throw err;
          })();
      }
    } else for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
    c.status(422);
    return render(c, product, action, form.values, errors, t('catalog.variants.add'));
  });

  const load = (c: Context) => {
    const vendorId = vendorOf(c);
    return ctx.withTenant({ vendorId }, async (trx) => {
      const variant = await getVariant(trx, vendorId, idParam(c) as number);
      return { variant, product: await findProductRow(trx, vendorId, variant.productId) };
    });
  };
  router.get('/variants/:id{[0-9]+}', requirePermission('catalog.view'), async (c) => {
    const { variant, product } = await load(c);
    return render(
      c,
      product,
      `${root(c)}/variants/${variant.id}`,
      valuesOf(variant, product.options),
      {},
      tr(c).t('catalog.variants.edit', { sku: variant.sku }),
    );
  });
  router.post('/variants/:id{[0-9]+}', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const w = await writeContext(ctx, c);
    const { variant, product } = await load(c);
    const form = await readForm(c, z.object({}).passthrough());
    const parsed = variantForm(t, w.currency, product.options).safeParse(form.values);
    let errors: FieldErrors = {};
    if (parsed.success) {
      try {
        await ctx.withTenant({ vendorId: w.vendorId }, (trx) => updateVariant(trx, w, variant.id, parsed.data));
        ctx.emit('catalog.product.updated', { ...event(c, w.vendorId, product), changed: ['variants'] });
        setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
        return seeOther(c, `${root(c)}/products/${product.id}`);
      } catch (err) {
        errors =
          formErrorsOf(err, t, MAP) ??
          (() => {
            throw err;
          })();
      }
    } else for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
    c.status(422);
    return render(
      c,
      product,
      `${root(c)}/variants/${variant.id}`,
      form.values,
      errors,
      t('catalog.variants.edit', { sku: variant.sku }),
    );
  });

  router.get('/variants/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const { variant, product } = await load(c);
    return c.render(
      <ConfirmDialog
        id="variant-delete"
        title={t('catalog.variants.deleteConfirm', { sku: variant.sku })}
        action={`${root(c)}/variants/${variant.id}/delete`}
        csrf={csrfToken(c)}
        cancelHref={`${root(c)}/products/${product.id}`}
        confirmLabel={t('catalog.action.delete')}
        danger
      />,
      { title: t('catalog.variants.deleteConfirm', { sku: variant.sku }) },
    );
  });
  router.post('/variants/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const { variant, product } = await load(c);
    try {
      await ctx.withTenant({ vendorId }, (trx) => deleteVariant(trx, vendorId, variant.id));
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
      c.status(409);
      return c.render(<Alert kind="error">{t('catalog.variants.last')}</Alert>, { title: t('catalog.variants.title') });
    }
    ctx.emit('catalog.product.updated', { ...event(c, vendorId, product), changed: ['variants'] });
    setFlash(c, { kind: 'success', text: t('catalog.flash.deleted') });
    return seeOther(c, `${root(c)}/products/${product.id}`);
  });
}
