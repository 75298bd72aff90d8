import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import { SUPPORTED_LANGUAGES } from '../../tenancy/language.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import { changeVendor, type VendorRow } from '../../tenancy/vendor-admin-service.js';
import { addVendorPlatform, removeVendorPlatform } from '../../tenancy/vendor-platforms-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import {
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  Form,
  SelectField,
  TextField,
} from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { mountConfirmedAction } from '../../ui/confirmed-action.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, formValues, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { managedPlatform, managedPlatforms } from '../scope.js';
import { loadAdminVendor } from './vendor-load.js';

export interface AdminVendorEditDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  changed: () => Promise<void>;
  root: (c: Context) => string;
}

type Values = Record<string, string | string[]>;
interface View {
  values?: Values;
  errors?: FieldErrors;
  platformValues?: Values;
  platformErrors?: FieldErrors;
}

const EDIT = '/admin/vendors/:code{[a-z0-9-]+}/edit';
const PLATFORMS = '/admin/vendors/:code{[a-z0-9-]+}/platforms';

const editSchema = (t: ReturnType<typeof kernelT>) =>
  z
    .object({
      name: z.string().trim().min(1, t('settings.error.name')).max(120, t('settings.error.name')),
      languages: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.enum(SUPPORTED_LANGUAGES)).min(1, t('settings.error.languages')),
      ),
      defaultLanguage: z.enum(SUPPORTED_LANGUAGES, { error: t('settings.error.defaultLanguage') }),
    })
    .refine((f) => f.languages.includes(f.defaultLanguage), {
      path: ['defaultLanguage'],
      message: t('settings.error.defaultLanguage'),
    });

/**
 * `GET|POST /admin/vendors/:code/edit`: a vendor's name and languages, and its platform memberships
 * (`POST /admin/vendors/:code/platforms` adds one; `GET|POST …/platforms/:platform/remove` takes it off one, after
 * asking), through the tenancy services (which audit-log). An administrator adds and removes only platforms it
 * manages. Invalid input re-renders with a 422 and changes nothing.
 */
export function mountAdminVendorEdit(app: Hono, deps: AdminVendorEditDeps): void {
  const vendor = (c: Context) => loadAdminVendor(deps.db, c, { deleted: false });
  const editUrl = (c: Context, v: { code: string }) => `${deps.root(c)}/vendors/${v.code}/edit`;
  const page = (c: Context, v: VendorRow, view: View = {}) => {
    if (view.errors || view.platformErrors) c.status(422);
    const values = view.values ?? { name: v.name, languages: v.languages, defaultLanguage: v.default_language };
    return c.render(<EditPage c={c} deps={deps} vendor={v} {...view} values={values} />, {
      title: kernelT(c)('adminVendor.editTitle', { name: v.name }),
    });
  };

  app.get(EDIT, async (c) => page(c, await vendor(c)));

  app.post(EDIT, async (c) => {
    const v = await vendor(c);
    const t = kernelT(c);
    const form = await readForm(c, editSchema(t));
    if (!form.ok) return page(c, v, { values: form.values, errors: form.errors });
    const patch = { name: form.data.name, languages: form.data.languages, defaultLanguage: form.data.defaultLanguage };
    const changed = await deps.db.asSystem('admin: change vendor', (db) => changeVendor(db, c, v, patch));
    if (changed) await deps.changed();
    setFlash(c, { kind: 'success', text: t('form.saved') });
    return seeOther(c, `${deps.root(c)}/vendors/${v.code}`);
  });

  app.post(PLATFORMS, async (c) => {
    const v = await vendor(c);
    const t = kernelT(c);
    const body = await c.req.parseBody();
    const code = typeof body.platform === 'string' ? body.platform : '';
    const platform = managedPlatforms(c, deps.platforms).find((p) => p.code === code);
    const again = (error: string) =>
      page(c, v, { platformValues: { platform: code }, platformErrors: { platform: error } });
    if (!platform) return again(t('adminVendor.error.platform'));
    try {
      await deps.db.asSystem('admin: vendor platform', (db) => addVendorPlatform(db, c, v, platform));
    } catch (err) {
      if (TenancyErrors.AlreadyOnPlatform.is(err) || TenancyErrors.SubdomainTaken.is(err)) return again(err.message);
      throw err;
    }
    await deps.changed();
    setFlash(c, { kind: 'success', text: t('adminVendor.platformAdded', { name: v.name, platform: platform.name }) });
    return seeOther(c, editUrl(c, v));
  });

  const membership = async (c: Context) => {
    const v = await vendor(c);
    const platform = managedPlatform(c, deps.platforms, c.req.param('platform') ?? '');
    if (!v.platformIds.includes(platform.id)) throw KernelErrors.NotFound({ path: c.req.path });
    return { v, platform };
  };
  mountConfirmedAction(app, `${PLATFORMS}/:platform{[a-z0-9-]+}/remove`, {
    id: 'membership-remove',
    title: (c) => kernelT(c)('adminVendor.removePlatform'),
    back: (c) => editUrl(c, { code: c.req.param('code') ?? '' }),
    labels: (c) => ({ cancel: kernelT(c)('confirm.cancel'), back: kernelT(c)('confirm.back') }),
    ask: async (c) => {
      const t = kernelT(c);
      const { v, platform } = await membership(c);
      return {
        title: t('adminVendor.removePlatformTitle', { name: v.name, platform: platform.name }),
        body: t('adminVendor.removePlatformBody'),
        confirmLabel: t('adminVendor.removePlatform'),
        danger: true,
      };
    },
    act: async (c) => {
      const { v, platform } = await membership(c);
      await deps.db.asSystem('admin: vendor platform', (db) => removeVendorPlatform(db, c, v, platform));
      await deps.changed();
      return {
        kind: 'success',
        text: kernelT(c)('adminVendor.platformRemoved', { name: v.name, platform: platform.name }),
      };
    },
  });
}

/** htmx: a form's answer replaces the form (its field errors), or redirects (`HX-Redirect`) on success. */
const swap = (id: string) => ({ 'hx-target': `#${id}`, 'hx-select': `#${id}`, 'hx-swap': 'outerHTML' });

function EditPage(props: View & { c: Context; deps: AdminVendorEditDeps; vendor: VendorRow; values: Values }) {
  const { c, vendor: v, values, errors, deps } = props;
  const t = kernelT(c);
  const csrf = csrfToken(c);
  const root = deps.root(c);
  const url = `${root}/vendors/${v.code}`;
  const languages = SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}` as KernelKey) }));
  const managed = managedPlatforms(c, deps.platforms);
  const addable = managed.filter((p) => !v.platformIds.includes(p.id));
  return (
    <>
      <PageHeader
        title={t('adminVendor.editTitle', { name: v.name })}
        description={`${t('adminVendor.code')}: ${v.code}`}
      />
      <div class="grid gap-4 lg:grid-cols-2">
        <Card title={t('settings.general')}>
          <Form
            id="vendor-edit-form"
            action={`${url}/edit`}
            csrf={csrf}
            hx-post={`${url}/edit`}
            {...swap('vendor-edit-form')}
          >
            <ErrorSummary errors={errors} message={errors ? t('form.errorSummary') : undefined} />
            <TextField
              name="name"
              label={t('settings.name')}
              required
              value={formValue(values, 'name')}
              error={errors?.name}
            />
            <CheckboxGroup
              name="languages"
              legend={t('settings.languages')}
              options={languages}
              checked={formValues(values, 'languages')}
              error={errors?.languages}
            />
            <SelectField
              name="defaultLanguage"
              label={t('settings.defaultLanguage')}
              options={languages}
              value={formValue(values, 'defaultLanguage')}
              error={errors?.defaultLanguage}
            />
            <div class="flex gap-2">
              <Button>{t('form.save')}</Button>
              <LinkButton href={url}>{t('confirm.cancel')}</LinkButton>
            </div>
          </Form>
        </Card>
        <Card title={t('adminVendor.memberships')} id="memberships">
          <ul class="space-y-2 text-sm">
            {v.memberships.map((m) => {
              const p = deps.platforms.get(Number(m.platform_id));
              const mine = p && managed.some((x) => x.id === p.id);
              return (
                <li class="flex flex-wrap items-center gap-2">
                  <span>{p?.name ?? m.platform_id}</span>
                  <code class="text-xs">{m.subdomain}</code>
                  <Badge tone={m.status === 'active' ? 'green' : 'yellow'}>{m.status}</Badge>
                  {mine && v.memberships.length > 1 ? (
                    <a
                      class="text-red-800 underline"
                      href={`${url}/platforms/${p.code}/remove`}
                      aria-label={t('adminVendor.removePlatformTitle', { name: v.name, platform: p.name })}
                    >
                      {t('adminVendor.removePlatform')}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {addable.length ? (
            <Form
              id="membership-form"
              action={`${url}/platforms`}
              csrf={csrf}
              class="mt-4 space-y-4"
              hx-post={`${url}/platforms`}
              {...swap('membership-form')}
            >
              <SelectField
                name="platform"
                label={t('adminVendor.addPlatform')}
                options={addable.map((p) => ({ value: p.code, label: p.name }))}
                value={formValue(props.platformValues, 'platform')}
                error={props.platformErrors?.platform}
              />
              <Button variant="secondary">{t('adminVendor.addPlatform')}</Button>
            </Form>
          ) : (
            <p class="mt-4 text-sm text-gray-600">{t('adminVendor.onEveryPlatform')}</p>
          )}
        </Card>
      </div>
    </>
  );
}
