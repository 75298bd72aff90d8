import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { changePlatform, findPlatform, type PlatformRow } from '../../tenancy/platform-service.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { Form } from '../../ui/components/form.js';
import { kitT } from '../../ui/components/kit-language.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValues } from '../../ui/forms.js';
import { type MenuArea, type MenuChoice, type MenuRegistry, menuHidden } from '../../ui/menu.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf } from '../scope.js';

export interface AdminMenusDeps {
  db: DbAccess;
  menu: MenuRegistry;
  /** Reload the platform registry here and in the other processes. */
  changed: () => Promise<void>;
  root: (c: Context) => string;
}

const AREAS: { area: MenuArea; legend: KernelKey }[] = [
  { area: 'admin', legend: 'adminMenus.admin' },
  { area: 'vendor', legend: 'adminMenus.vendor' },
];

/**
 * `GET|POST /admin/platforms/:platform/menus`: which items the admin console and vendor dashboard menus show on a
 * platform. Every item (the kernel's and every loaded plugin's) is listed; unticking an optional one hides it from
 * the sidebar on the next page; mandatory items cannot be hidden. Stored in the platform's settings (`menu.hidden`)
 * through the platform service, which audit-logs the change.
 */
export function mountAdminMenus(app: Hono, deps: AdminMenusDeps): void {
  const load = async (c: Context): Promise<PlatformRow> => {
    const code = c.req.param('platform') ?? '';
    const row = await deps.db.asSystem('admin: platform menus', (db) => findPlatform(db, adminOf(c).platformIds, code));
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };

  app.get('/admin/platforms/:platform/menus', async (c) => {
    const platform = await load(c);
    return c.render(<MenusPage c={c} root={deps.root(c)} platform={platform} menu={deps.menu} />, {
      title: `${kernelT(c)('adminPlatforms.menus')} · ${platform.name}`,
    });
  });

  app.post('/admin/platforms/:platform/menus', async (c) => {
    const platform = await load(c);
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
    const hidden: Record<string, string[]> = {};
    for (const { area } of AREAS) {
      const shown = new Set(formValues(body, area));
      hidden[area] = deps.menu
        .choices(area)
        .filter((item) => !item.mandatory && !shown.has(item.id))
        .map((item) => item.id);
    }
    const settings = { ...platform.settings, menu: { ...(platform.settings.menu as object), hidden } };
    const target = { scope: adminOf(c).platformIds, code: platform.code };
    await changePlatform((fn) => deps.db.asSystem('admin: platform menus', fn), c, target, { settings });
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('adminMenus.saved', { name: platform.name }) });
    return seeOther(c, `${deps.root(c)}/platforms/${platform.code}/menus`);
  });
}

function MenuFieldset(props: { area: MenuArea; legend: string; choices: MenuChoice[]; hidden: Set<string> }) {
  // Rendered inside the shell: the kit's language is the request's.
  const t = kitT();
  return (
    <fieldset class="space-y-2">
      <legend class="mb-1 text-base font-semibold text-gray-900">{props.legend}</legend>
      {props.choices.length === 0 ? <p class="text-sm text-gray-600">{t('adminMenus.noItem')}</p> : null}
      {props.choices.map((item) => (
        <label class="flex items-center gap-2 text-sm text-gray-900">
          <input
            type="checkbox"
            name={props.area}
            value={item.id}
            checked={item.mandatory || !props.hidden.has(item.id)}
            disabled={item.mandatory}
            class="size-4 rounded border-gray-400 text-brand-600"
          />
          <span>
            {item.label}{' '}
            <span class="text-xs text-gray-600">
              ({item.section}
              {item.owner === 'kernel' ? '' : `, ${item.owner}`})
            </span>
            {item.mandatory ? <span class="ml-1 text-xs text-gray-600">· {t('adminMenus.always')}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function MenusPage(props: { c: Context; root: string; platform: PlatformRow; menu: MenuRegistry }) {
  const action = `${props.root}/platforms/${props.platform.code}/menus`;
  const t = kernelT(props.c);
  return (
    <>
      <PageHeader
        title={t('adminMenus.title', { name: props.platform.name })}
        description={t('adminMenus.description')}
      />
      <Card class="max-w-2xl">
        <Form
          id="menus-form"
          action={action}
          csrf={csrfToken(props.c)}
          hx-post={action}
          hx-target="#menus-form"
          hx-select="#menus-form"
          hx-swap="outerHTML"
        >
          {AREAS.map(({ area, legend }) => (
            <MenuFieldset
              area={area}
              legend={t(legend)}
              choices={props.menu.choices(area, props.c.get('language'))}
              hidden={menuHidden(props.platform.settings, area)}
            />
          ))}
          <div class="flex gap-2">
            <Button>{t('adminMenus.save')}</Button>
            <LinkButton href={`${props.root}/platforms`}>{t('confirm.cancel')}</LinkButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
