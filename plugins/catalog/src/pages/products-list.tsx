import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import type { Context } from 'hono';
import { listCategories } from '../categories.js';
import { bulkStatus, findProductRow } from '../products.js';
import { event } from '../products-api.js';
import { ListQuery, type Product, StatusSchema } from '../schemas.js';
import { searchProducts } from '../stock-filter.js';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  csrfToken,
  Form,
  LinkButton,
  Money,
  PageHeader,
  readForm,
  SelectField,
  seeOther,
  setFlash,
  TextField,
  tableSwap,
} from './kit.js';
import { root, STATUS_TONE, tr } from './shared.js';

const PAGE_SIZE = 25;
/** The element htmx swaps when the filters or the page change (the URL is pushed, so back works). */
const RESULTS = 'catalog-products';
const SORTS = ['newest', 'updated', 'title', 'price', '-price', 'relevance'] as const;
const ids = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).max(500),
);

/** The list's query from the URL: wrong values are dropped rather than refused, as they come from links. */
function listQuery(c: Context) {
  const raw = c.req.query();
  const parsed = ListQuery.safeParse({ ...raw, pageSize: PAGE_SIZE });
  return parsed.success ? parsed.data : ListQuery.parse({ pageSize: PAGE_SIZE });
}

function ProductTable(props: { c: Context; items: Product[] }) {
  const { t, fmt } = tr(props.c);
  return (
    <table class="w-full text-sm">
      <thead>
        <tr class="text-left">
          <th scope="col">
            <span class="sr-only">{t('catalog.list.select')}</span>
          </th>
          <th scope="col">{t('catalog.field.title')}</th>
          <th scope="col">{t('catalog.field.status')}</th>
          <th scope="col">{t('catalog.list.price')}</th>
          <th scope="col">{t('catalog.list.variants')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((p) => (
          <tr>
            <td>
              <input
                type="checkbox"
                name="ids"
                value={String(p.id)}
                id={`select-${p.id}`}
                aria-label={t('catalog.list.selectOne', { title: p.title })}
              />
            </td>
            <td>
              <a class="text-blue-800 underline" href={`${root(props.c)}/products/${p.id}`}>
                {p.title}
              </a>
            </td>
            <td>
              <Badge tone={STATUS_TONE[p.status] ?? 'gray'}>
                {t(`catalog.status.${p.status}` as 'catalog.status.draft')}
              </Badge>
            </td>
            <td>{p.priceFrom ? fmt.money(Money.of(p.priceFrom.amountMinor, p.priceFrom.currency)) : ''}</td>
            <td>{p.variants.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/vendor/<code>/catalog`: search, filters, sort, pages, and a bulk status change that asks first. */
export function productListPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/', requirePermission('catalog.view'), async (c) => {
    const { t, fmt } = tr(c);
    const vendorId = vendorOf(c);
    const query = listQuery(c);
    const [page, categories] = [
      await searchProducts(
        ctx,
        { vendorId, platformId: c.get('platform')?.id, language: c.get('language'), shop: false },
        query,
      ),
      await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId)),
    ];
    const base = root(c);
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const keep = (n: number) => {
      const p = new URLSearchParams(Object.entries(c.req.query()).filter(([k, v]) => k !== 'page' && v));
      p.set('page', String(n));
      return `${base}?${p}`;
    };
    return c.render(
      <>
        <PageHeader
          title={t('catalog.products.title')}
          description={t('catalog.products.count', { count: fmt.number(page.total) })}
          actions={<LinkButton href={`${base}/products/new`}>{t('catalog.products.new')}</LinkButton>}
        />
        <Form
          action={base}
          method="get"
          csrf=""
          class="flex flex-wrap items-end gap-2"
          hx-get={base}
          {...tableSwap(RESULTS)}
        >
          <TextField name="q" type="search" label={t('catalog.list.search')} value={query.q ?? ''} />
          <SelectField
            name="status"
            label={t('catalog.field.status')}
            value={query.status ?? ''}
            options={[
              { value: '', label: t('catalog.list.any') },
              ...StatusSchema.options.map((s) => ({
                value: s,
                label: t(`catalog.status.${s}` as 'catalog.status.draft'),
              })),
            ]}
          />
          <SelectField
            name="category"
            label={t('catalog.list.category')}
            value={query.category ? String(query.category) : ''}
            options={[
              { value: '', label: t('catalog.list.any') },
              ...categories.map((k) => ({ value: String(k.id), label: k.name })),
            ]}
          />
          <SelectField
            name="sort"
            label={t('catalog.list.sort')}
            value={query.sort ?? ''}
            options={[
              { value: '', label: t('catalog.sort.default') },
              ...SORTS.map((s) => ({ value: s, label: t(`catalog.sort.${s}` as 'catalog.sort.newest') })),
            ]}
          />
          <SelectField
            name="inStock"
            label={t('catalog.list.stock')}
            value={query.inStock ?? ''}
            options={[
              { value: '', label: t('catalog.list.any') },
              { value: 'true', label: t('catalog.list.inStock') },
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('catalog.list.filter')}
          </Button>
        </Form>
        <div id="bulk-dialog" />
        <div id={RESULTS}>
          <Form
            action={`${base}/bulk-status`}
            method="get"
            csrf=""
            hx-get={`${base}/bulk-status`}
            hx-target="#bulk-dialog"
            hx-select="#bulk-confirm"
            hx-swap="innerHTML"
          >
            <Card>
              {page.items.length ? <ProductTable c={c} items={page.items} /> : <p>{t('catalog.list.empty')}</p>}
            </Card>
            <div class="mt-2 flex items-end gap-2">
              <SelectField
                name="to"
                label={t('catalog.bulk.setStatus')}
                options={StatusSchema.options.map((s) => ({
                  value: s,
                  label: t(`catalog.status.${s}` as 'catalog.status.draft'),
                }))}
              />
              <Button type="submit" variant="secondary">
                {t('catalog.bulk.apply')}
              </Button>
            </div>
          </Form>
          <nav aria-label={t('catalog.list.pages')} class="mt-2 flex gap-2 text-sm">
            {query.page > 1 ? (
              <a href={keep(query.page - 1)} hx-get={keep(query.page - 1)} {...tableSwap(RESULTS)}>
                {t('catalog.list.previous')}
              </a>
            ) : null}
            <span>{t('catalog.list.pageOf', { page: query.page, pages })}</span>
            {query.page < pages ? (
              <a href={keep(query.page + 1)} hx-get={keep(query.page + 1)} {...tableSwap(RESULTS)}>
                {t('catalog.list.next')}
              </a>
            ) : null}
          </nav>
        </div>
      </>,
      { title: t('catalog.products.title') },
    );
  });

  // The confirmation, a page of its own without JavaScript: the list's bulk form lands here with GET.
  router.get('/bulk-status', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const chosen = ids.safeParse(c.req.queries('ids'));
    const status = StatusSchema.safeParse(c.req.query('to'));
    const base = root(c);
    if (!chosen.success || !chosen.data.length || !status.success) {
      c.status(422);
      return c.render(
        <>
          <PageHeader title={t('catalog.bulk.title')} />
          <Alert kind="error">{t('catalog.bulk.nothing')}</Alert>
          <LinkButton href={base}>{t('catalog.action.back')}</LinkButton>
        </>,
        { title: t('catalog.bulk.title') },
      );
    }
    return c.render(
      <ConfirmDialog
        id="bulk-confirm"
        title={t('catalog.bulk.confirm', {
          count: chosen.data.length,
          status: t(`catalog.status.${status.data}` as 'catalog.status.draft'),
        })}
        action={`${base}/bulk-status`}
        csrf={csrfToken(c)}
        cancelHref={base}
        confirmLabel={t('catalog.bulk.apply')}
        fields={{ status: status.data, ids: chosen.data.join(',') }}
      >
        {t('catalog.bulk.explain')}
      </ConfirmDialog>,
      { title: t('catalog.bulk.title') },
    );
  });

  router.post('/bulk-status', requirePermission('catalog.edit'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const form = await readForm(
      c,
      z.object({
        status: StatusSchema,
        ids: z.string().transform((s) =>
          s
            .split(',')
            .map(Number)
            .filter((n) => Number.isSafeInteger(n) && n > 0),
        ),
      }),
    );
    if (!form.ok || !form.data.ids.length) {
      setFlash(c, { kind: 'error', text: t('catalog.bulk.nothing') });
      return seeOther(c, root(c));
    }
    const { status, ids: chosen } = form.data;
    const result = await ctx.withTenant({ vendorId }, async (trx) => {
      const outcome = await bulkStatus(trx, vendorId, chosen.slice(0, 500), status);
      return { outcome, rows: await Promise.all(outcome.updated.map((id) => findProductRow(trx, vendorId, id))) };
    });
    for (const row of result.rows)
      ctx.emit('catalog.product.updated', { ...event(c, vendorId, row), changed: ['status'] });
    setFlash(c, { kind: 'success', text: t('catalog.bulk.done', { count: result.outcome.updated.length }) });
    return seeOther(c, root(c));
  });
}
