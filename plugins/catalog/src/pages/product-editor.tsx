import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import type { Context } from 'hono';
import { listCategories } from '../categories.js';
import { createProduct, getProduct, updateProduct } from '../products.js';
import { event, writeContext } from '../products-api.js';
import type { Category, Product } from '../schemas.js';
import { ImagesCard } from './images.js';
import {
  Button,
  Card,
  CheckboxGroup,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  formValue,
  formValues,
  LinkButton,
  Money,
  PageHeader,
  readForm,
  renderSlot,
  SelectField,
  seeOther,
  setFlash,
  TextField,
} from './kit.js';
import { optionNames, productForm, variantForm } from './product-form.js';
import { Checkbox, formErrorsOf, idParam, root, TextArea, tr } from './shared.js';

type Values = Record<string, string | string[]>;

/** Form values of a stored product, as the fields show them. */
function valuesOf(p: Product): Values {
  return {
    title: p.title,
    slug: p.slug,
    description: p.description,
    status: p.status,
    brand: p.brand ?? '',
    gtin: p.gtin ?? '',
    taxRate: p.taxRateBp === null ? '' : String(p.taxRateBp / 100),
    ...(p.featured ? { featured: 'on' } : {}),
    seoTitle: p.seoTitle ?? '',
    seoDescription: p.seoDescription ?? '',
    categoryIds: p.categoryIds.map(String),
  };
}

function ProductFields(props: {
  c: Context;
  values: Values;
  errors: FieldErrors;
  categories: Category[];
  isNew: boolean;
}) {
  const { t } = tr(props.c);
  const v = (k: string) => formValue(props.values, k) ?? '';
  const e = props.errors;
  const depth = new Map<number, number>();
  for (const k of props.categories) depth.set(k.id, k.parentId === null ? 0 : (depth.get(k.parentId) ?? 0) + 1);
  return (
    <>
      <TextField name="title" label={t('catalog.field.title')} value={v('title')} error={e.title} required />
      <TextField
        name="slug"
        label={t('catalog.field.slug')}
        value={v('slug')}
        error={e.slug}
        hint={t('catalog.hint.slug')}
      />
      <TextArea
        name="description"
        label={t('catalog.field.description')}
        value={v('description')}
        error={e.description}
        hint={t('catalog.hint.description')}
      />
      <SelectField
        name="status"
        label={t('catalog.field.status')}
        value={v('status') || 'draft'}
        error={e.status}
        options={(['draft', 'active', 'archived'] as const).map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
      />
      <TextField name="brand" label={t('catalog.field.brand')} value={v('brand')} error={e.brand} />
      <TextField
        name="gtin"
        label={t('catalog.field.gtin')}
        value={v('gtin')}
        error={e.gtin}
        hint={t('catalog.hint.gtin')}
      />
      <TextField
        name="taxRate"
        label={t('catalog.field.taxRate')}
        value={v('taxRate')}
        error={e.taxRate ?? e.taxRateBp}
        hint={t('catalog.hint.taxRate')}
      />
      <Checkbox name="featured" label={t('catalog.field.featured')} checked={v('featured') === 'on'} />
      <TextField name="seoTitle" label={t('catalog.field.seoTitle')} value={v('seoTitle')} error={e.seoTitle} />
      <TextArea
        name="seoDescription"
        rows={2}
        label={t('catalog.field.seoDescription')}
        value={v('seoDescription')}
        error={e.seoDescription}
      />
      {props.categories.length ? (
        <CheckboxGroup
          name="categoryIds"
          legend={t('catalog.field.categories')}
          checked={formValues(props.values, 'categoryIds')}
          error={e.categoryIds}
          options={props.categories.map((k) => ({
            value: String(k.id),
            label: `${'— '.repeat(depth.get(k.id) ?? 0)}${k.name}`,
          }))}
        />
      ) : null}
      {props.isNew ? (
        <fieldset class="space-y-2">
          <legend class="text-sm font-semibold">{t('catalog.new.firstVariant')}</legend>
          <TextField
            name="options"
            label={t('catalog.field.options')}
            value={v('options')}
            error={e.options}
            hint={t('catalog.hint.options')}
          />
          <TextField
            name="optionValues"
            label={t('catalog.field.firstValues')}
            value={v('optionValues')}
            error={e.optionValues}
            hint={t('catalog.hint.firstValues')}
          />
          <TextField name="sku" label={t('catalog.field.sku')} value={v('sku')} error={e.sku} required />
          <TextField name="price" label={t('catalog.field.price')} value={v('price')} error={e.price} required />
        </fieldset>
      ) : null}
    </>
  );
}

/** The slot the editor's side column offers other plugins (inventory shows stock there). See README.md. */
export const PRODUCT_SIDEBAR = 'product.sidebar';

/** The blocks of enabled plugins for the product's side column, or null when none fills it. */
function sidebarSlot(c: Context, product: Product) {
  const vendor = c.get('vendor');
  return renderSlot(
    c,
    PRODUCT_SIDEBAR,
    {
      vendorId: vendorOf(c),
      vendorCode: vendor?.code,
      vendorRoot: `${c.get('tenant')?.base ?? ''}/vendor/${vendor?.code}`,
      productId: product.id,
      variants: product.variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        label: product.options.map((o) => v.optionValues[o] ?? '').join(' / '),
      })),
    },
    { class: 'space-y-4' },
  );
}

function VariantsCard(props: { c: Context; product: Product }) {
  const { t, fmt } = tr(props.c);
  const p = props.product;
  const base = root(props.c);
  return (
    <Card title={t('catalog.variants.title')}>
      <table class="w-full text-sm">
        <thead>
          <tr class="text-left">
            <th scope="col">{t('catalog.field.sku')}</th>
            {p.options.map((o) => (
              <th scope="col">{o}</th>
            ))}
            <th scope="col">{t('catalog.field.price')}</th>
            <th scope="col">{t('catalog.variants.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {p.variants.map((v) => (
            <tr>
              <td>{v.sku}</td>
              {p.options.map((o) => (
                <td>{v.optionValues[o] ?? ''}</td>
              ))}
              <td>{fmt.money(Money.of(v.price.amountMinor, v.price.currency))}</td>
              <td class="space-x-2">
                <a href={`${base}/variants/${v.id}`}>{t('catalog.action.edit')}</a>
                {p.variants.length > 1 ? (
                  <a href={`${base}/variants/${v.id}/delete`}>{t('catalog.action.delete')}</a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.options.length ? (
        <LinkButton href={`${base}/products/${p.id}/variants/new`} variant="secondary">
          {t('catalog.variants.add')}
        </LinkButton>
      ) : null}
    </Card>
  );
}

async function EditorPage(props: {
  c: Context;
  product?: Product;
  values: Values;
  errors: FieldErrors;
  categories: Category[];
}) {
  const { c, product } = props;
  const { t } = tr(c);
  const base = root(c);
  const title = product ? t('catalog.editor.title', { title: product.title }) : t('catalog.products.new');
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <>
            <LinkButton href={base} variant="ghost">
              {t('catalog.action.back')}
            </LinkButton>
            {product ? (
              <LinkButton href={`${base}/products/${product.id}/delete`} variant="danger">
                {t('catalog.products.delete')}
              </LinkButton>
            ) : null}
          </>
        }
      />
      <div class="grid gap-4 lg:grid-cols-3">
        <div class="space-y-4 lg:col-span-2">
          <Form
            action={product ? `${base}/products/${product.id}` : `${base}/products/new`}
            csrf={csrfToken(c)}
            class="space-y-3"
          >
            <ErrorSummary errors={props.errors} />
            <ProductFields
              c={c}
              values={props.values}
              errors={props.errors}
              categories={props.categories}
              isNew={!product}
            />
            <Button type="submit">{t('catalog.action.save')}</Button>
          </Form>
          {product ? <VariantsCard c={c} product={product} /> : null}
        </div>
        {product ? (
          <aside class="space-y-4" aria-label={t('catalog.editor.sidebar')}>
            <ImagesCard c={c} product={product} errors={props.errors} />
            {await sidebarSlot(c, product)}
          </aside>
        ) : null}
      </div>
    </>
  );
}

/**
 * Renders the editor with what was posted and its errors: 422, nothing changed. Without `values` (an image upload
 * failed), the product's stored values fill the form.
 */
export async function rerender(
  c: Context,
  ctx: PluginContext,
  productId: number | undefined,
  values: Values | undefined,
  errors: FieldErrors,
) {
  const vendorId = vendorOf(c);
  const [product, categories] = await ctx.withTenant(
    { vendorId },
    async (trx) =>
      [
        productId ? await getProduct(trx, vendorId, productId) : undefined,
        await listCategories(trx, vendorId),
      ] as const,
  );
  c.status(422);
  const shown = values ?? (product ? valuesOf(product) : {});
  return c.render(await EditorPage({ c, product, values: shown, errors, categories }), {
    title: tr(c).t('catalog.products.title'),
  });
}

/** The product editor: `/products/new` and `/products/<id>`, posting to the same URL. */
export function productEditorPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/products/new', requirePermission('catalog.edit'), async (c) => {
    const vendorId = vendorOf(c);
    const categories = await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId));
    return c.render(await EditorPage({ c, values: { status: 'draft' }, errors: {}, categories }), {
      title: tr(c).t('catalog.products.new'),
    });
  });

  router.post('/products/new', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const w = await writeContext(ctx, c);
    const form = await readForm(c, z.object({}).passthrough());
    const product = productForm(t).safeParse(form.values);
    const options = optionNames(t).safeParse(formValue(form.values, 'options'));
    const names = options.success ? options.data : [];
    const given = (formValue(form.values, 'optionValues') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const variant = variantForm(t, w.currency, names).safeParse({
      ...form.values,
      ...Object.fromEntries(names.map((_, i) => [`option${i}`, given[i] ?? ''])),
    });
    const errors: FieldErrors = {};
    for (const r of [product, options, variant]) {
      if (!r.success) for (const i of r.error.issues) errors[String(i.path[0] ?? 'options')] ??= i.message;
    }
    for (const k of Object.keys(errors))
      if (k.startsWith('option') && k !== 'options') errors.optionValues ??= errors[k];
    if (!product.success || !options.success || !variant.success)
      return rerender(c, ctx, undefined, form.values, errors);
    try {
      const created = await ctx.withTenant({ vendorId: w.vendorId }, (trx) =>
        createProduct(trx, w, {
          ...product.data,
          title: product.data.title as string,
          options: names,
          variants: [variant.data],
        }),
      );
      ctx.emit('catalog.product.created', event(c, w.vendorId, created));
      setFlash(c, { kind: 'success', text: t('catalog.flash.created') });
      return seeOther(c, `${root(c)}/products/${created.id}`);
    } catch (err) {
      const fe = formErrorsOf(err, t, { 'variants.0.price': 'price', 'variants.0.sku': 'sku' });
      if (!fe) throw err;
      return rerender(c, ctx, undefined, form.values, fe);
    }
  });

  router.get('/products/:id{[0-9]+}', requirePermission('catalog.view'), async (c) => {
    const vendorId = vendorOf(c);
    const id = idParam(c) as number;
    const [product, categories] = await ctx.withTenant(
      { vendorId },
      async (trx) => [await getProduct(trx, vendorId, id), await listCategories(trx, vendorId)] as const,
    );
    return c.render(await EditorPage({ c, product, values: valuesOf(product), errors: {}, categories }), {
      title: product.title,
    });
  });

  router.post('/products/:id{[0-9]+}', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const id = idParam(c) as number;
    const form = await readForm(c, z.object({}).passthrough());
    const parsed = productForm(t).safeParse(form.values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return rerender(c, ctx, id, form.values, errors);
    }
    try {
      const product = await ctx.withTenant({ vendorId }, (trx) => updateProduct(trx, vendorId, id, parsed.data));
      ctx.emit('catalog.product.updated', { ...event(c, vendorId, product), changed: Object.keys(parsed.data) });
      setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
      return seeOther(c, `${root(c)}/products/${id}`);
    } catch (err) {
      const fe = formErrorsOf(err, t);
      if (!fe) throw err;
      return rerender(c, ctx, id, form.values, fe);
    }
  });
}
