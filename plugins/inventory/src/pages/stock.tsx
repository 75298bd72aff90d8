import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  Badge,
  Button,
  Card,
  can,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  formValue,
  isHtmxRequest,
  LinkButton,
  PageHeader,
  readForm,
  SelectField,
  seeOther,
  setFlash,
  TextField,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { actorOf } from '../actor.js';
import { type CatalogVariant, catalogVariants, requireVariant } from '../catalog.js';
import { InventoryErrors } from '../errors.js';
import { type Location, listLocations, resolveLocation } from '../locations.js';
import { levelsPage } from '../page-queries.js';
import { emitLow } from '../service.js';
import { adjustStock, listLevels, REASONS } from '../stock.js';
import type { StockLevel } from '../tables.js';
import {
  idQuery,
  PAGE_SIZE,
  Pager,
  PositiveId,
  pageQuery,
  reasonOptions,
  root,
  type T,
  TableFrame,
  TD,
  tr,
} from './shared.js';

const COLUMNS = 8;
const rowId = (l: { variantId: number; locationId: number }) => `stock-${l.variantId}-${l.locationId}`;
const levelUrl = (c: Context, l: { variantId: number; locationId: number }) =>
  `${root(c)}/stock/${l.variantId}/${l.locationId}`;

interface Line {
  level: StockLevel;
  variant?: CatalogVariant;
  location?: Location;
}

/** One stock level as a table row; low stock is highlighted and labelled (not by colour alone). */
function StockRow(props: { c: Context; t: T; line: Line; canEdit: boolean }) {
  const { c, t, line } = props;
  const { level } = line;
  const edit = `${levelUrl(c, level)}/edit`;
  const history = `${root(c)}/history?variant=${level.variantId}&location=${level.locationId}`;
  return (
    <tr id={rowId(level)} class={level.low ? 'bg-yellow-50' : 'hover:bg-gray-50'}>
      <td class={TD}>{line.variant?.productTitle ?? `#${level.variantId}`}</td>
      <td class={TD}>{line.variant?.sku ?? ''}</td>
      <td class={TD}>{line.location?.name ?? `#${level.locationId}`}</td>
      <td class={`${TD} tabular-nums`}>{level.onHand}</td>
      <td class={`${TD} tabular-nums`}>{level.reserved}</td>
      <td class={`${TD} tabular-nums`}>
        {level.available} {level.low ? <Badge tone="yellow">{t('inventory.low')}</Badge> : null}
      </td>
      <td class={`${TD} tabular-nums`}>{level.lowStockThreshold ?? '—'}</td>
      <td class={`${TD} space-x-3 whitespace-nowrap`}>
        {props.canEdit ? (
          <a
            class="text-brand-700 underline"
            href={edit}
            hx-get={edit}
            hx-target={`#${rowId(level)}`}
            hx-swap="outerHTML"
          >
            {t('inventory.edit')}
            <span class="sr-only"> {line.variant?.sku}</span>
          </a>
        ) : null}
        <a class="text-brand-700 underline" href={history}>
          {t('inventory.history')}
          <span class="sr-only"> {line.variant?.sku}</span>
        </a>
      </td>
    </tr>
  );
}

/** The on-hand form: inside a table row for htmx, or alone on a page without JavaScript. */
function EditForm(props: {
  c: Context;
  t: T;
  line: Line;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  inRow: boolean;
}) {
  const { c, t, line, values, errors } = props;
  const { level } = line;
  const url = levelUrl(c, level);
  const swap = props.inRow ? { 'hx-post': url, 'hx-target': `#${rowId(level)}`, 'hx-swap': 'outerHTML' } : {};
  return (
    <Form action={url} csrf={csrfToken(c)} class="space-y-3" {...swap}>
      <ErrorSummary errors={errors} />
      <div class="grid gap-3 sm:grid-cols-3">
        <TextField
          name="onHand"
          type="number"
          label={t('inventory.field.onHand')}
          value={formValue(values, 'onHand') ?? String(level.onHand)}
          hint={t('inventory.field.onHand.hint', { reserved: level.reserved })}
          error={errors?.onHand}
          required
        />
        <SelectField
          name="reason"
          label={t('inventory.field.reason')}
          value={formValue(values, 'reason') ?? 'count'}
          options={reasonOptions(t)}
          error={errors?.reason}
        />
        <TextField
          name="note"
          label={t('inventory.field.note')}
          value={formValue(values, 'note') ?? ''}
          error={errors?.note}
        />
      </div>
      <div class="flex gap-2">
        <Button type="submit">{t('inventory.save')}</Button>
        {props.inRow ? (
          <a
            class="rounded-md px-3 py-2 text-sm hover:bg-gray-100"
            href={root(c)}
            hx-get={url}
            hx-target={`#${rowId(level)}`}
            hx-swap="outerHTML"
          >
            {t('inventory.cancel')}
          </a>
        ) : (
          <LinkButton variant="secondary" href={root(c)}>
            {t('inventory.cancel')}
          </LinkButton>
        )}
      </div>
    </Form>
  );
}

function EditView(props: {
  c: Context;
  t: T;
  line: Line;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
}) {
  const { c, t, line } = props;
  const title = t('inventory.editStock', { sku: line.variant?.sku ?? '', location: line.location?.name ?? '' });
  if (isHtmxRequest(c)) {
    return (
      <tr id={rowId(line.level)} class="bg-gray-50">
        <td class={TD} colspan={COLUMNS}>
          <p class="mb-2 font-medium">{title}</p>
          <EditForm {...props} inRow />
        </td>
      </tr>
    );
  }
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EditForm {...props} inRow={false} />
      </Card>
    </>
  );
}

/** The variant (checked with the catalog: another vendor's is a 404), the location and the current level. */
async function loadLine(ctx: PluginContext, c: Context): Promise<Line> {
  const variantId = PositiveId.safeParse(c.req.param('variantId'));
  const locationId = PositiveId.safeParse(c.req.param('locationId'));
  if (!variantId.success) throw InventoryErrors.VariantNotFound({ id: 0 });
  if (!locationId.success) throw InventoryErrors.LocationNotFound({ id: 0 });
  const vendorId = vendorOf(c);
  const variant = await requireVariant(ctx, vendorId, variantId.data);
  return ctx.withTenant({ vendorId }, async (trx) => {
    await resolveLocation(trx, vendorId, locationId.data);
    const location = (await listLocations(trx, vendorId)).find((l) => l.id === locationId.data);
    const [level] = await listLevels(trx, vendorId, { variantIds: [variant.id], locationId: locationId.data });
    const empty = { onHand: 0, reserved: 0, available: 0, lowStockThreshold: null, low: false };
    return { variant, location, level: level ?? { variantId: variant.id, locationId: locationId.data, ...empty } };
  });
}

function editSchema(t: T) {
  return z.object({
    // A string first: coercing would read an empty field as 0.
    onHand: z
      .string({ error: t('inventory.error.onHand') })
      .trim()
      .regex(/^\d{1,8}$/, t('inventory.error.onHand'))
      .transform(Number)
      .refine((n) => n <= 10_000_000, t('inventory.error.onHand')),
    reason: z.enum(REASONS, { error: t('inventory.error.reason') }),
    note: z.string().trim().max(500, t('inventory.error.note')).optional(),
  });
}

/**
 * The stock page at `/vendor/<code>/inventory`: levels per variant and location, low ones highlighted, each editable
 * in place. With htmx, Edit swaps the row for a form and Save swaps it back; without JavaScript, Edit is a page and
 * Save posts, then redirects. Invalid input re-renders the form with its errors (422) and changes nothing.
 */
export function stockPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/', requirePermission('inventory.view'), async (c) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const page = pageQuery(c.req.query('page'));
    const locationId = idQuery(c.req.query('location'));
    const lowOnly = c.req.query('low') === '1';
    const { levels, total, locations } = await ctx.withTenant({ vendorId }, async (trx) => ({
      locations: await listLocations(trx, vendorId),
      ...(await levelsPage(trx, vendorId, {
        locationId,
        lowOnly,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })),
    }));
    const ids = [...new Set(levels.map((l) => l.variantId))];
    const variants = new Map((ids.length ? await catalogVariants(ctx).find(vendorId, ids) : []).map((v) => [v.id, v]));
    const places = new Map(locations.map((l) => [l.id, l]));
    const canEdit = can(c.get('principal'), 'inventory.edit');
    const params = { location: locationId ? String(locationId) : undefined, low: lowOnly ? '1' : undefined };
    return c.render(
      <>
        <PageHeader
          title={t('inventory.stock.title')}
          description={t('inventory.stock.description', { count: total })}
          actions={
            canEdit ? <LinkButton href={`${root(c)}/stock/new`}>{t('inventory.new.title')}</LinkButton> : undefined
          }
        />
        <Form action={root(c)} method="get" csrf="" class="flex flex-wrap items-end gap-3">
          <SelectField
            name="location"
            label={t('inventory.col.location')}
            value={locationId ? String(locationId) : ''}
            options={[
              { value: '', label: t('inventory.stock.allLocations') },
              ...locations.map((l) => ({ value: String(l.id), label: l.name })),
            ]}
          />
          <label class="flex items-center gap-2 text-sm">
            <input type="checkbox" name="low" value="1" checked={lowOnly} />
            {t('inventory.stock.lowOnly')}
          </label>
          <Button type="submit" variant="secondary">
            {t('inventory.stock.filter')}
          </Button>
        </Form>
        <div id="stock-levels" class="space-y-3">
          <TableFrame
            caption={t('inventory.stock.caption')}
            columns={[
              t('inventory.col.product'),
              t('inventory.col.sku'),
              t('inventory.col.location'),
              t('inventory.col.onHand'),
              t('inventory.col.reserved'),
              t('inventory.col.available'),
              t('inventory.col.threshold'),
              t('inventory.col.actions'),
            ]}
          >
            {levels.length ? (
              levels.map((level) => (
                <StockRow
                  c={c}
                  t={t}
                  canEdit={canEdit}
                  line={{ level, variant: variants.get(level.variantId), location: places.get(level.locationId) }}
                />
              ))
            ) : (
              <tr>
                <td colspan={COLUMNS} class="px-4 py-10 text-center text-gray-600">
                  {t('inventory.stock.empty')}
                </td>
              </tr>
            )}
          </TableFrame>
          <Pager t={t} id="stock-levels" href={root(c)} page={page} total={total} params={params} />
        </div>
      </>,
      { title: t('inventory.stock.title') },
    );
  });

  // The row alone (htmx: Cancel); a browser asking for it directly gets the stock page.
  router.get('/stock/:variantId/:locationId', requirePermission('inventory.view'), async (c) => {
    const line = await loadLine(ctx, c);
    if (!isHtmxRequest(c)) return c.redirect(root(c), 303);
    const { t } = tr(c);
    return c.html(<StockRow c={c} t={t} line={line} canEdit={can(c.get('principal'), 'inventory.edit')} />);
  });

  router.get('/stock/:variantId/:locationId/edit', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const line = await loadLine(ctx, c);
    return c.render(<EditView c={c} t={t} line={line} />, { title: t('inventory.edit') });
  });

  router.post('/stock/:variantId/:locationId', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const line = await loadLine(ctx, c);
    const form = await readForm(c, editSchema(t));
    const invalid = (values: Record<string, string | string[]>, errors: FieldErrors) => {
      c.status(422);
      return c.render(<EditView c={c} t={t} line={line} values={values} errors={errors} />, {
        title: t('inventory.edit'),
      });
    };
    if (!form.ok) return invalid(form.values, form.errors);
    const vendorId = vendorOf(c);
    let result: Awaited<ReturnType<typeof adjustStock>>;
    try {
      const { onHand, reason, note } = form.data;
      result = await ctx.withTenant({ vendorId }, (trx) =>
        adjustStock(
          trx,
          vendorId,
          line.level.variantId,
          { locationId: line.level.locationId, onHand, reason, note: note || undefined },
          actorOf(c),
        ),
      );
    } catch (err) {
      if (!InventoryErrors.BelowReserved.is(err)) throw err;
      return invalid(form.values, {
        onHand: t('inventory.error.belowReserved', { reserved: line.level.reserved }),
      });
    }
    if (result.becameLow) emitLow(ctx, [toRow(vendorId, result.level)], c.get('platform')?.id);
    const saved = { ...line, level: result.level };
    if (isHtmxRequest(c)) {
      return c.html(<StockRow c={c} t={t} line={saved} canEdit />);
    }
    setFlash(c, {
      kind: 'success',
      text: t('inventory.saved', {
        sku: line.variant?.sku ?? '',
        location: line.location?.name ?? '',
        onHand: result.level.onHand,
      }),
    });
    return seeOther(c, root(c));
  });
}

const toRow = (vendorId: number, l: StockLevel) => ({
  id: 0,
  vendor_id: vendorId,
  variant_id: l.variantId,
  location_id: l.locationId,
  on_hand: l.onHand,
  reserved: l.reserved,
  low_stock_threshold: l.lowStockThreshold,
});
