import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import type { PluginListing } from '../../plugins/listing.js';
import type { Platform } from '../../tenancy/platforms.js';
import { Alert } from '../../ui/components/alert.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { Form } from '../../ui/components/form.js';
import { kitT } from '../../ui/components/kit-language.js';
import { PageHeader } from '../../ui/components/page-header.js';
import type { Message } from './plugins.js';

/** htmx attributes of a form or link whose answer replaces the whole plugins page in place. */
export const swapPage = (url: string, method: 'get' | 'post' = 'post') => ({
  [`hx-${method}`]: url,
  'hx-target': '#plugins-page',
  'hx-select': '#plugins-page',
  'hx-swap': 'outerHTML',
});

/** htmx attributes of a link that opens its confirmation panel above the list. */
const askFirst = (url: string) => ({
  'hx-get': url,
  'hx-target': '#plugin-confirm',
  'hx-select': '#plugin-confirm-panel',
  'hx-swap': 'innerHTML',
});

/** Columns shown from 2xl up only (`WIDE`); below, the plugin's cell lists them (`NARROW`). */
const WIDE = 'hidden 2xl:table-cell';
const NARROW = '2xl:hidden';
const COLUMNS: [KernelKey, boolean][] = [
  ['adminPlugins.col.plugin', false],
  ['adminPlugins.col.version', false],
  ['adminPlugins.col.category', true],
  ['adminPlugins.col.state', false],
  ['adminPlugins.col.dependencies', true],
  ['adminPlugins.col.dependents', true],
  ['adminPlugins.col.health', false],
  ['adminPlatforms.actions', false],
];

function stateBadge(t: Translate<KernelKey>, p: PluginListing) {
  if (p.state === 'excluded') return <Badge tone="red">{t('adminPlugins.state.excluded')}</Badge>;
  if (p.state === 'discovered') return <Badge>{t('adminPlugins.state.discovered')}</Badge>;
  if (p.quarantine) return <Badge tone="red">{t('adminPlugins.state.quarantined')}</Badge>;
  return p.enabled ? (
    <Badge tone="green">{t('adminPlugins.state.enabled')}</Badge>
  ) : (
    <Badge tone="yellow">{t('adminPlugins.state.disabled')}</Badge>
  );
}

function healthBadge(t: Translate<KernelKey>, p: PluginListing, health: Map<string, string>) {
  if (p.state !== 'installed' || !health.has(p.id)) return <span class="text-gray-600">—</span>;
  const error = health.get(p.id);
  if (!error) return <Badge tone="green">{t('adminDashboard.healthy')}</Badge>;
  return (
    <>
      <Badge tone="red">{t('adminDashboard.failing')}</Badge>
      <span class="mt-1 block text-xs text-red-800 [overflow-wrap:anywhere]">{error}</span>
    </>
  );
}

export interface PluginsPageProps {
  root: string;
  csrf: string;
  superAdmin: boolean;
  platform: Platform;
  plugins: PluginListing[];
  /** Per plugin with a health check: '' when healthy, the reason otherwise. */
  health: Map<string, string>;
  /** Plugins whose manifest declares settings. */
  settings: Set<string>;
  message?: Message;
}

/**
 * The plugins of a platform: version, category, state, dependencies and dependents, health, the last failed
 * transition's error, and the actions each allows. `#plugins-page` is what every action's htmx answer replaces.
 */
export function PluginsPage(props: PluginsPageProps) {
  // Rendered inside the shell (`c.render`): the kit's language is the request's.
  const t = kitT();
  return (
    <div id="plugins-page">
      <PageHeader
        title={t('adminPlugins.title', { name: props.platform.name })}
        description={t('adminPlugins.description')}
        actions={
          props.superAdmin ? (
            <Form action={`${props.root}/rescan`} csrf={props.csrf} class="" {...swapPage(`${props.root}/rescan`)}>
              <Button variant="secondary">{t('adminPlugins.rescan')}</Button>
            </Form>
          ) : undefined
        }
      />
      {props.message ? (
        <Alert kind={props.message.kind} id="plugins-message">
          {props.message.text}
        </Alert>
      ) : null}
      <div id="plugin-confirm" aria-live="polite" class="mb-4" />
      {/* Below 2xl (1536px, where the sidebar leaves under 1250px) the less needed columns move into the plugin's
          cell: at 1280px the table fits without scrolling sideways. */}
      <div id="plugins-table" class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <table class="min-w-full divide-y divide-gray-200 text-sm">
          <caption class="sr-only">{t('adminPlugins.title', { name: props.platform.name })}</caption>
          <thead class="bg-gray-50 text-left">
            <tr>
              {COLUMNS.map(([h, wide]) => (
                <th scope="col" class={`px-3 py-2 font-semibold text-gray-900 ${wide ? WIDE : ''}`}>
                  {t(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100">
            {props.plugins.map((p) => (
              <tr id={`plugin-${p.id}`} data-plugin={p.id}>
                <td class="min-w-48 px-3 py-2 align-top [overflow-wrap:anywhere]">
                  <span class="font-medium text-gray-900">{p.displayName}</span>
                  <span class="block text-xs text-gray-600">{p.id}</span>
                  {p.description ? <span class="block text-xs text-gray-600">{p.description}</span> : null}
                  <dl class={`mt-1 text-xs text-gray-600 ${NARROW}`} data-plugin-compact>
                    <div>
                      <dt class="sr-only">{t('adminPlugins.col.category')}</dt>
                      <dd>
                        <Badge tone={p.category === 'core' ? 'blue' : 'gray'}>{p.category}</Badge>
                      </dd>
                    </div>
                    {Object.keys(p.dependencies).length ? (
                      <div class="mt-1">
                        <dt class="inline">{t('adminPlugins.needs')} </dt>
                        <dd class="inline">{Object.keys(p.dependencies).join(', ')}</dd>
                      </div>
                    ) : null}
                    {p.dependents.length ? (
                      <div class="mt-1">
                        <dt class="inline">{t('adminPlugins.neededBy')} </dt>
                        <dd class="inline">{p.dependents.join(', ')}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {p.lastError ? (
                    <span class="mt-1 block text-xs text-red-800" data-plugin-error>
                      {p.lastError}
                    </span>
                  ) : null}
                  {p.quarantine ? <span class="mt-1 block text-xs text-red-800">{p.quarantine.reason}</span> : null}
                </td>
                <td class="px-3 py-2 align-top">
                  {p.installedVersion ?? p.version}
                  {p.installedVersion && p.version && p.installedVersion !== p.version ? (
                    <span class="block text-xs text-gray-600">{t('adminPlugins.onDisk', { version: p.version })}</span>
                  ) : null}
                </td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>
                  <Badge tone={p.category === 'core' ? 'blue' : 'gray'}>{p.category}</Badge>
                </td>
                <td class="px-3 py-2 align-top">{stateBadge(t, p)}</td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>{Object.keys(p.dependencies).join(', ') || '—'}</td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>{p.dependents.join(', ') || '—'}</td>
                <td class="max-w-56 px-3 py-2 align-top">{healthBadge(t, p, props.health)}</td>
                <td class="max-w-64 px-3 py-2 align-top">
                  <RowActions {...props} plugin={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ActionLink(props: { href: string; label: string; name: string; danger?: boolean }) {
  return (
    <a
      href={props.href}
      {...askFirst(props.href)}
      aria-label={`${props.label} ${props.name}`}
      class={`font-medium underline ${props.danger ? 'text-red-800' : 'text-brand-700'}`}
    >
      {props.label}
    </a>
  );
}

/** What can be done to a plugin: enable/disable and settings here; install, upgrade, uninstall, reload globally. */
function RowActions(props: PluginsPageProps & { plugin: PluginListing }) {
  const p = props.plugin;
  const url = `${props.root}/${p.id}`;
  const t = kitT();
  const links = [];
  if (p.state === 'installed' && p.category !== 'core') {
    links.push(
      p.enabled ? (
        <ActionLink href={`${url}/disable`} label={t('adminPlugins.disable')} name={p.displayName} danger />
      ) : (
        <ActionLink href={`${url}/enable`} label={t('adminPlugins.enable')} name={p.displayName} />
      ),
    );
  }
  if (p.state === 'installed' && props.settings.has(p.id)) {
    links.push(
      <a
        href={`${url}/settings`}
        aria-label={t('adminPlugins.settingsOf', { name: p.displayName })}
        class="font-medium text-brand-700 underline"
      >
        {t('adminPlugins.settings')}
      </a>,
    );
  }
  if (props.superAdmin && p.state !== 'excluded') {
    if (p.state === 'discovered')
      links.push(<ActionLink href={`${url}/install`} label={t('adminPlugins.install')} name={p.displayName} />);
    if (p.state === 'installed' && p.installedVersion !== p.version) {
      links.push(<ActionLink href={`${url}/upgrade`} label={t('adminPlugins.upgrade')} name={p.displayName} />);
    }
    if (p.state === 'installed' && p.category !== 'core') {
      links.push(
        <ActionLink href={`${url}/uninstall`} label={t('adminPlugins.uninstall')} name={p.displayName} danger />,
      );
    }
    links.push(
      <Form action={`${url}/reload`} csrf={props.csrf} class="inline" {...swapPage(`${url}/reload`)}>
        <button
          type="submit"
          aria-label={t('adminPlugins.reloadOf', { name: p.displayName })}
          class="font-medium text-brand-700 underline"
        >
          {t('adminPlugins.reload')}
        </button>
      </Form>,
    );
  }
  if (!links.length) return <span class="text-gray-600">—</span>;
  return <div class="flex flex-wrap items-center gap-x-3 gap-y-1">{links}</div>;
}
