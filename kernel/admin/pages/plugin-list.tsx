import type { PluginListing } from '../../plugins/listing.js';
import type { Platform } from '../../tenancy/platforms.js';
import { Alert } from '../../ui/components/alert.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { Form } from '../../ui/components/form.js';
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
const COLUMNS: [string, boolean][] = [
  ['Plugin', false],
  ['Version', false],
  ['Category', true],
  ['State', false],
  ['Dependencies', true],
  ['Dependents', true],
  ['Health', false],
  ['Actions', false],
];

function stateBadge(p: PluginListing) {
  if (p.state === 'excluded') return <Badge tone="red">left out</Badge>;
  if (p.state === 'discovered') return <Badge>not installed</Badge>;
  if (p.quarantine) return <Badge tone="red">quarantined</Badge>;
  return p.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="yellow">disabled</Badge>;
}

function healthBadge(p: PluginListing, health: Map<string, string>) {
  if (p.state !== 'installed' || !health.has(p.id)) return <span class="text-gray-600">—</span>;
  const error = health.get(p.id);
  if (!error) return <Badge tone="green">healthy</Badge>;
  return (
    <>
      <Badge tone="red">failing</Badge>
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
  return (
    <div id="plugins-page">
      <PageHeader
        title={`Plugins on ${props.platform.name}`}
        description="Enable or disable plugins for this platform. Core plugins are always on."
        actions={
          props.superAdmin ? (
            <Form action={`${props.root}/rescan`} csrf={props.csrf} class="" {...swapPage(`${props.root}/rescan`)}>
              <Button variant="secondary">Rescan plugin folders</Button>
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
          <caption class="sr-only">Plugins on {props.platform.name}</caption>
          <thead class="bg-gray-50 text-left">
            <tr>
              {COLUMNS.map(([h, wide]) => (
                <th scope="col" class={`px-3 py-2 font-semibold text-gray-900 ${wide ? WIDE : ''}`}>
                  {h}
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
                      <dt class="sr-only">Category</dt>
                      <dd>
                        <Badge tone={p.category === 'core' ? 'blue' : 'gray'}>{p.category}</Badge>
                      </dd>
                    </div>
                    {Object.keys(p.dependencies).length ? (
                      <div class="mt-1">
                        <dt class="inline">Needs: </dt>
                        <dd class="inline">{Object.keys(p.dependencies).join(', ')}</dd>
                      </div>
                    ) : null}
                    {p.dependents.length ? (
                      <div class="mt-1">
                        <dt class="inline">Needed by: </dt>
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
                    <span class="block text-xs text-gray-600">{p.version} on disk</span>
                  ) : null}
                </td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>
                  <Badge tone={p.category === 'core' ? 'blue' : 'gray'}>{p.category}</Badge>
                </td>
                <td class="px-3 py-2 align-top">{stateBadge(p)}</td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>{Object.keys(p.dependencies).join(', ') || '—'}</td>
                <td class={`px-3 py-2 align-top ${WIDE}`}>{p.dependents.join(', ') || '—'}</td>
                <td class="max-w-56 px-3 py-2 align-top">{healthBadge(p, props.health)}</td>
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
  const links = [];
  if (p.state === 'installed' && p.category !== 'core') {
    links.push(
      p.enabled ? (
        <ActionLink href={`${url}/disable`} label="Disable" name={p.displayName} danger />
      ) : (
        <ActionLink href={`${url}/enable`} label="Enable" name={p.displayName} />
      ),
    );
  }
  if (p.state === 'installed' && props.settings.has(p.id)) {
    links.push(
      <a
        href={`${url}/settings`}
        aria-label={`Settings of ${p.displayName}`}
        class="font-medium text-brand-700 underline"
      >
        Settings
      </a>,
    );
  }
  if (props.superAdmin && p.state !== 'excluded') {
    if (p.state === 'discovered')
      links.push(<ActionLink href={`${url}/install`} label="Install" name={p.displayName} />);
    if (p.state === 'installed' && p.installedVersion !== p.version) {
      links.push(<ActionLink href={`${url}/upgrade`} label="Upgrade" name={p.displayName} />);
    }
    if (p.state === 'installed' && p.category !== 'core') {
      links.push(<ActionLink href={`${url}/uninstall`} label="Uninstall" name={p.displayName} danger />);
    }
    links.push(
      <Form action={`${url}/reload`} csrf={props.csrf} class="inline" {...swapPage(`${url}/reload`)}>
        <button type="submit" aria-label={`Reload ${p.displayName}`} class="font-medium text-brand-700 underline">
          Reload
        </button>
      </Form>,
    );
  }
  if (!links.length) return <span class="text-gray-600">—</span>;
  return <div class="flex flex-wrap items-center gap-x-3 gap-y-1">{links}</div>;
}
