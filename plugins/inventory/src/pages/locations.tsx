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
  PageHeader,
  readForm,
  seeOther,
  setFlash,
  TextField,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { InventoryErrors } from '../errors.js';
import { createLocation, type Location, listLocations, resolveLocation, updateLocation } from '../locations.js';
import { PositiveId, root, type T, TableFrame, TD, tr } from './shared.js';

interface Problems {
  create?: { values: Record<string, string | string[]>; errors: FieldErrors };
  rename?: { id: number; value: string; error: string };
}

const INPUT =
  'block w-full rounded-md border-0 px-3 py-1.5 text-sm text-gray-900 ring-1 ring-gray-300 ring-inset ' +
  'aria-[invalid=true]:ring-red-600';

function LocationRow(props: { c: Context; t: T; l: Location; canEdit: boolean; problem?: Problems['rename'] }) {
  const { c, t, l } = props;
  const url = `${root(c)}/locations/${l.id}`;
  const error = props.problem?.id === l.id ? props.problem : undefined;
  const inputId = `location-name-${l.id}`;
  return (
    <tr id={`location-${l.id}`}>
      <td class={TD}>
        {l.name} {l.isDefault ? <Badge tone="blue">{t('inventory.locations.default')}</Badge> : null}
      </td>
      <td class={TD}>
        {props.canEdit ? (
          <div class="flex flex-wrap items-start gap-3">
            <Form action={url} csrf={csrfToken(c)} class="flex items-start gap-2">
              <div>
                <label for={inputId} class="sr-only">
                  {t('inventory.locations.newName', { name: l.name })}
                </label>
                <input
                  id={inputId}
                  name="name"
                  value={error?.value ?? l.name}
                  class={INPUT}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                />
                {error ? (
                  <p id={`${inputId}-error`} class="mt-1 text-sm text-red-700">
                    {error.error}
                  </p>
                ) : null}
              </div>
              <Button type="submit" variant="secondary">
                {t('inventory.locations.rename')}
              </Button>
            </Form>
            {l.isDefault ? null : (
              <Form action={`${url}/default`} csrf={csrfToken(c)}>
                <Button type="submit" variant="ghost">
                  {t('inventory.locations.makeDefault')}
                  <span class="sr-only"> {l.name}</span>
                </Button>
              </Form>
            )}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

function LocationsView(props: { c: Context; t: T; locations: Location[]; problems?: Problems }) {
  const { c, t, problems } = props;
  const canEdit = can(c.get('principal'), 'inventory.edit');
  return (
    <>
      <PageHeader title={t('inventory.locations.title')} description={t('inventory.locations.description')} />
      <TableFrame
        caption={t('inventory.locations.caption')}
        columns={[t('inventory.col.name'), t('inventory.col.actions')]}
      >
        {props.locations.map((l) => (
          <LocationRow c={c} t={t} l={l} canEdit={canEdit} problem={problems?.rename} />
        ))}
      </TableFrame>
      {canEdit ? (
        <Card title={t('inventory.locations.add')}>
          <Form action={`${root(c)}/locations`} csrf={csrfToken(c)}>
            <ErrorSummary errors={problems?.create?.errors} />
            <TextField
              name="name"
              label={t('inventory.locations.name')}
              value={formValue(problems?.create?.values, 'name') ?? ''}
              error={problems?.create?.errors.name}
              required
            />
            <Button type="submit">{t('inventory.locations.addButton')}</Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

const nameSchema = (t: T) =>
  z.object({
    name: z
      .string({ error: t('inventory.locations.nameError') })
      .trim()
      .min(1, t('inventory.locations.nameError'))
      .max(120, t('inventory.locations.nameError')),
  });

/**
 * Locations at `/vendor/<code>/inventory/locations`: the list, a form to add one, and per location a rename form and
 * "Make default". Plain forms: each posts, then redirects with a message, or re-renders the page with the error.
 */
export function locationPages(router: PluginRouter, ctx: PluginContext): void {
  const page = async (c: Context, problems?: Problems) => {
    const { t } = tr(c);
    const vendorId = vendorOf(c);
    const locations = await ctx.withTenant({ vendorId }, (trx) => listLocations(trx, vendorId));
    if (problems) c.status(422);
    return c.render(<LocationsView c={c} t={t} locations={locations} problems={problems} />, {
      title: t('inventory.locations.title'),
    });
  };
  const back = (c: Context) => seeOther(c, `${root(c)}/locations`);
  const idOf = (c: Context) => {
    const id = PositiveId.safeParse(c.req.param('id'));
    if (!id.success) throw InventoryErrors.LocationNotFound({ id: 0 });
    return id.data;
  };

  router.get('/locations', requirePermission('inventory.view'), (c) => page(c));

  router.post('/locations', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const form = await readForm(c, nameSchema(t));
    if (!form.ok) return page(c, { create: { values: form.values, errors: form.errors } });
    const vendorId = vendorOf(c);
    try {
      await ctx.withTenant({ vendorId }, (trx) => createLocation(trx, vendorId, { name: form.data.name }));
    } catch (err) {
      if (!InventoryErrors.LocationTaken.is(err)) throw err;
      return page(c, { create: { values: form.values, errors: { name: t('inventory.locations.taken') } } });
    }
    setFlash(c, { kind: 'success', text: t('inventory.locations.created', { name: form.data.name }) });
    return back(c);
  });

  router.post('/locations/:id', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const vendorId = vendorOf(c);
    await ctx.withTenant({ vendorId }, (trx) => resolveLocation(trx, vendorId, id));
    const form = await readForm(c, nameSchema(t));
    const value = formValue(form.values, 'name') ?? '';
    if (!form.ok) return page(c, { rename: { id, value, error: form.errors.name ?? '' } });
    try {
      await ctx.withTenant({ vendorId }, (trx) => updateLocation(trx, vendorId, id, { name: form.data.name }));
    } catch (err) {
      if (!InventoryErrors.LocationTaken.is(err)) throw err;
      return page(c, { rename: { id, value, error: t('inventory.locations.taken') } });
    }
    setFlash(c, { kind: 'success', text: t('inventory.locations.renamed', { name: form.data.name }) });
    return back(c);
  });

  router.post('/locations/:id/default', requirePermission('inventory.edit'), async (c) => {
    const { t } = tr(c);
    const id = idOf(c);
    const vendorId = vendorOf(c);
    const location = await ctx.withTenant({ vendorId }, (trx) =>
      updateLocation(trx, vendorId, id, { isDefault: true }),
    );
    setFlash(c, { kind: 'success', text: t('inventory.locations.defaultSet', { name: location.name }) });
    return back(c);
  });
}
