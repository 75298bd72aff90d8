import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import type { Context } from 'hono';
import { createCategory, deleteCategory, listCategories, updateCategory } from '../categories.js';
import type { Category } from '../schemas.js';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  formValue,
  PageHeader,
  readForm,
  SelectField,
  seeOther,
  setFlash,
  TextField,
} from './kit.js';
import { formErrorsOf, idParam, root, type T, tr } from './shared.js';

type Values = Record<string, string | string[]>;
const categoryForm = (t: T) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, t('catalog.error.nameRequired'))
      .max(120, t('catalog.error.tooLong', { max: 120 })),
    parentId: z
      .string()
      .default('')
      .transform((s) => (s ? Number(s) : null)),
  });

function depths(categories: Category[]) {
  const depth = new Map<number, number>();
  for (const k of categories) depth.set(k.id, k.parentId === null ? 0 : (depth.get(k.parentId) ?? 0) + 1);
  return depth;
}

function CategoryFields(props: {
  c: Context;
  categories: Category[];
  values: Values;
  errors: FieldErrors;
  self?: number;
}) {
  const { t } = tr(props.c);
  const depth = depths(props.categories);
  return (
    <>
      <TextField
        name="name"
        label={t('catalog.field.name')}
        value={formValue(props.values, 'name') ?? ''}
        error={props.errors.name}
        required
      />
      <SelectField
        name="parentId"
        label={t('catalog.field.parent')}
        value={formValue(props.values, 'parentId') ?? ''}
        error={props.errors.parentId}
        options={[
          { value: '', label: t('catalog.categories.top') },
          ...props.categories
            .filter((k) => k.id !== props.self)
            .map((k) => ({ value: String(k.id), label: `${'— '.repeat(depth.get(k.id) ?? 0)}${k.name}` })),
        ]}
      />
    </>
  );
}

/** The categories tree: create, rename, move under another parent (no loops), delete (not with subcategories). */
export function categoryPages(router: PluginRouter, ctx: PluginContext): void {
  const tree = async (c: Context, values: Values, errors: FieldErrors) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const categories = await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId));
    const depth = depths(categories);
    const base = `${root(c)}/categories`;
    return c.render(
      <>
        <PageHeader title={t('catalog.categories.title')} />
        <Card>
          {categories.length ? (
            <ul class="text-sm">
              {categories.map((k) => (
                <li style={`padding-left:${(depth.get(k.id) ?? 0) * 1.5}rem`}>
                  {k.name} <a href={`${base}/${k.id}`}>{t('catalog.action.edit')}</a>{' '}
                  <a href={`${base}/${k.id}/delete`}>{t('catalog.action.delete')}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('catalog.categories.empty')}</p>
          )}
        </Card>
        <Card title={t('catalog.categories.new')}>
          <Form action={base} csrf={csrfToken(c)} class="space-y-3">
            <ErrorSummary errors={errors} />
            <CategoryFields c={c} categories={categories} values={values} errors={errors} />
            <Button type="submit">{t('catalog.action.create')}</Button>
          </Form>
        </Card>
      </>,
      { title: t('catalog.categories.title') },
    );
  };
  const editPage = async (c: Context, values: Values | undefined, errors: FieldErrors) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const id = idParam(c) as number;
    const categories = await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId));
    const self = categories.find((k) => k.id === id);
    if (!self) return c.notFound();
    return c.render(
      <>
        <PageHeader title={t('catalog.categories.edit', { name: self.name })} />
        <Form action={`${root(c)}/categories/${id}`} csrf={csrfToken(c)} class="space-y-3">
          <ErrorSummary errors={errors} />
          <CategoryFields
            c={c}
            categories={categories}
            self={id}
            errors={errors}
            values={values ?? { name: self.name, parentId: self.parentId ? String(self.parentId) : '' }}
          />
          <Button type="submit">{t('catalog.action.save')}</Button>
        </Form>
      </>,
      { title: t('catalog.categories.title') },
    );
  };

  router.get('/categories', requirePermission('catalog.view'), (c) => tree(c, {}, {}));
  router.post('/categories', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const form = await readForm(c, categoryForm(t));
    let errors = form.ok ? {} : form.errors;
    if (form.ok) {
      try {
        await ctx.withTenant({ vendorId }, (trx) => createCategory(trx, vendorId, form.data));
        setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
        return seeOther(c, `${root(c)}/categories`);
      } catch (err) {
        errors =
          formErrorsOf(err, t, { slug: 'name' }) ??
          (() => {
            throw err;
          })();
      }
    }
    c.status(422);
    return tree(c, form.values, errors);
  });

  router.get('/categories/:id{[0-9]+}', requirePermission('catalog.view'), (c) => editPage(c, undefined, {}));
  router.post('/categories/:id{[0-9]+}', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const form = await readForm(c, categoryForm(t));
    let errors = form.ok ? {} : form.errors;
    if (form.ok) {
      try {
        await ctx.withTenant({ vendorId }, (trx) => updateCategory(trx, vendorId, idParam(c) as number, form.data));
        setFlash(c, { kind: 'success', text: t('catalog.flash.saved') });
        return seeOther(c, `${root(c)}/categories`);
      } catch (err) {
        errors =
          formErrorsOf(err, t, { slug: 'name' }) ??
          (() => {
            throw err;
          })();
        if (errors.parentId?.includes('subcategories')) errors.parentId = t('catalog.error.loop');
      }
    }
    c.status(422);
    return editPage(c, form.values, errors);
  });

  router.get('/categories/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const base = `${root(c)}/categories`;
    return c.render(
      <ConfirmDialog
        id="category-delete"
        title={t('catalog.categories.deleteConfirm')}
        action={`${base}/${idParam(c)}/delete`}
        csrf={csrfToken(c)}
        cancelHref={base}
        confirmLabel={t('catalog.action.delete')}
        danger
      >
        {t('catalog.categories.deleteExplain')}
      </ConfirmDialog>,
      { title: t('catalog.categories.deleteConfirm') },
    );
  });
  router.post('/categories/:id{[0-9]+}/delete', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    try {
      await ctx.withTenant({ vendorId }, (trx) => deleteCategory(trx, vendorId, idParam(c) as number));
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
      c.status(409);
      return c.render(<Alert kind="error">{t('catalog.categories.hasChildren')}</Alert>, {
        title: t('catalog.categories.title'),
      });
    }
    setFlash(c, { kind: 'success', text: t('catalog.flash.deleted') });
    return seeOther(c, `${root(c)}/categories`);
  });
}
