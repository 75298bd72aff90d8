import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import { OrionError } from '../../errors/define-error.js';
import type { PluginHost } from '../../plugins/host.js';
import type { Plan } from '../../plugins/lifecycle.js';
import { listPlugins, type PluginListing } from '../../plugins/listing.js';
import { csrfToken } from '../../security/csrf.js';
import type { Platform } from '../../tenancy/platforms.js';
import { Alert } from '../../ui/components/alert.js';
import { Badge } from '../../ui/components/badge.js';
import { ConfirmDialog } from '../../ui/components/confirm-dialog.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { isHtmxRequest } from '../../ui/shell.js';
import { adminOf, managedPlatform } from '../scope.js';

type Action = 'enable' | 'disable';
type Message = { kind: 'success' | 'error'; text: string };

export interface AdminPluginsDeps {
  host: PluginHost;
  knex: Knex;
  root: (c: Context) => string;
}

/**
 * The plugins of one platform: `GET /admin/platforms/:platform/plugins`, and enabling or disabling one with its plan
 * shown first (`GET …/:id/enable|disable` asks, `POST` does it, with the dependencies or dependents the plan names).
 * With htmx the question opens next to the list and the answer swaps the list in place; without it, each step is a
 * page and the change ends with a redirect.
 */
export function mountAdminPlugins(app: Hono, deps: AdminPluginsDeps): void {
  const { host } = deps;
  const listUrl = (c: Context, p: Platform) => `${deps.root(c)}/platforms/${p.code}/plugins`;

  app.get('/admin/plugins', (c) => {
    const platform = c.get('platform');
    return c.redirect(platform ? listUrl(c, platform) : deps.root(c), 303);
  });

  const renderList = async (c: Context, platform: Platform, message?: Message) => {
    const plugins = await listPlugins(host, deps.knex, platform.id);
    return c.render(
      <PluginsPage root={listUrl(c, platform)} platform={platform} plugins={plugins} message={message} />,
      {
        title: `Plugins · ${platform.name}`,
      },
    );
  };

  app.get('/admin/platforms/:platform/plugins', async (c) =>
    renderList(c, managedPlatform(c, host.platforms, c.req.param('platform'))),
  );

  app.get('/admin/platforms/:platform/plugins/:id/:action{enable|disable}', async (c) => {
    const platform = managedPlatform(c, host.platforms, c.req.param('platform'));
    const id = c.req.param('id');
    const action = c.req.param('action') as Action;
    const run = action === 'enable' ? host.enable : host.disable;
    let plan: Plan | undefined;
    let error: string | undefined;
    try {
      plan = await run(platform.code, id, { dryRun: true, cascade: true, actor: adminOf(c).email });
    } catch (err) {
      if (!(err instanceof OrionError) || err.category === 'internal') throw err;
      c.status(err.status as 409);
      error = err.message;
    }
    return c.render(
      <ConfirmPanel
        c={c}
        list={listUrl(c, platform)}
        platform={platform}
        id={id}
        action={action}
        plan={plan}
        error={error}
      />,
      { title: `${action === 'enable' ? 'Enable' : 'Disable'} ${id}` },
    );
  });

  app.post('/admin/platforms/:platform/plugins/:id/:action{enable|disable}', async (c) => {
    const platform = managedPlatform(c, host.platforms, c.req.param('platform'));
    const id = c.req.param('id');
    const action = c.req.param('action') as Action;
    const run = action === 'enable' ? host.enable : host.disable;
    let message: Message;
    try {
      const plan = await run(platform.code, id, { cascade: true, actor: adminOf(c).email });
      const others = plan.plugins.filter((p) => p !== id);
      const verb = action === 'enable' ? 'enabled' : 'disabled';
      message = {
        kind: 'success',
        text: `${id} ${verb} on ${platform.name}.${others.length ? ` Also ${verb}: ${others.join(', ')}.` : ''}`,
      };
    } catch (err) {
      if (!(err instanceof OrionError) || err.category === 'internal') throw err;
      c.status(err.status as 409);
      message = { kind: 'error', text: err.message };
    }
    if (isHtmxRequest(c) || message.kind === 'error') return renderList(c, platform, message);
    setFlash(c, message);
    return seeOther(c, listUrl(c, platform));
  });
}

function stateBadge(p: PluginListing) {
  if (p.state === 'excluded') return <Badge tone="red">left out</Badge>;
  if (p.state === 'discovered') return <Badge>not installed</Badge>;
  if (p.quarantine) return <Badge tone="red">quarantined</Badge>;
  return p.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="yellow">disabled</Badge>;
}

function PluginsPage(props: { root: string; platform: Platform; plugins: PluginListing[]; message?: Message }) {
  return (
    <div id="plugins-page">
      <PageHeader
        title={`Plugins on ${props.platform.name}`}
        description="Enable or disable plugins for this platform. Core plugins are always on."
      />
      {props.message ? <Alert kind={props.message.kind}>{props.message.text}</Alert> : null}
      <div id="plugin-confirm" aria-live="polite" class="mb-4" />
      <div class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <table class="min-w-full divide-y divide-gray-200 text-sm">
          <caption class="sr-only">Plugins on {props.platform.name}</caption>
          <thead class="bg-gray-50 text-left">
            <tr>
              {['Plugin', 'Version', 'Category', 'State', 'Dependencies', 'Dependents', 'Action'].map((h) => (
                <th scope="col" class="px-4 py-2 font-semibold text-gray-900">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100">
            {props.plugins.map((p) => (
              <tr id={`plugin-${p.id}`} data-plugin={p.id}>
                <td class="px-4 py-2 align-top">
                  <span class="font-medium text-gray-900">{p.displayName}</span>
                  <span class="block text-xs text-gray-600">{p.id}</span>
                  {p.description ? <span class="block text-xs text-gray-600">{p.description}</span> : null}
                  {p.lastError ? <span class="mt-1 block text-xs text-red-800">{p.lastError}</span> : null}
                  {p.quarantine ? <span class="mt-1 block text-xs text-red-800">{p.quarantine.reason}</span> : null}
                </td>
                <td class="px-4 py-2 align-top">{p.installedVersion ?? p.version}</td>
                <td class="px-4 py-2 align-top">
                  <Badge tone={p.category === 'core' ? 'blue' : 'gray'}>{p.category}</Badge>
                </td>
                <td class="px-4 py-2 align-top">{stateBadge(p)}</td>
                <td class="px-4 py-2 align-top">{Object.keys(p.dependencies).join(', ') || '—'}</td>
                <td class="px-4 py-2 align-top">{p.dependents.join(', ') || '—'}</td>
                <td class="px-4 py-2 align-top">
                  <ToggleLink root={props.root} plugin={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ToggleLink(props: { root: string; plugin: PluginListing }) {
  const p = props.plugin;
  if (p.state !== 'installed' || p.category === 'core') return <span class="text-gray-600">—</span>;
  const action: Action = p.enabled ? 'disable' : 'enable';
  const href = `${props.root}/${p.id}/${action}`;
  return (
    <a
      href={href}
      hx-get={href}
      hx-target="#plugin-confirm"
      hx-select="#plugin-confirm-panel"
      hx-swap="innerHTML"
      aria-label={`${action === 'enable' ? 'Enable' : 'Disable'} ${p.displayName}`}
      class={`font-medium underline ${action === 'enable' ? 'text-brand-700' : 'text-red-800'}`}
    >
      {action === 'enable' ? 'Enable' : 'Disable'}
    </a>
  );
}

function ConfirmPanel(props: {
  c: Context;
  list: string;
  platform: Platform;
  id: string;
  action: Action;
  plan?: Plan;
  error?: string;
}) {
  const { plan, action, id } = props;
  const verb = action === 'enable' ? 'Enable' : 'Disable';
  if (!plan) {
    return (
      <div id="plugin-confirm-panel">
        <Alert kind="error">{props.error ?? 'This change is not possible.'}</Alert>
        <a href={props.list} class="text-sm underline">
          Back to the plugins
        </a>
      </div>
    );
  }
  const others = plan.plugins.filter((p) => p !== id);
  return (
    <ConfirmDialog
      id="plugin-confirm-panel"
      title={`${verb} ${id} on ${props.platform.name}?`}
      action={`${props.list}/${id}/${action}`}
      csrf={csrfToken(props.c)}
      cancelHref={props.list}
      confirmLabel={others.length ? `${verb} ${plan.plugins.length} plugins` : verb}
      danger={action === 'disable'}
      formAttrs={{
        'hx-post': `${props.list}/${id}/${action}`,
        'hx-target': '#plugins-page',
        'hx-select': '#plugins-page',
        'hx-swap': 'outerHTML',
      }}
    >
      {plan.plugins.length === 0 ? (
        <p>
          Nothing to do: {id} is already {action === 'enable' ? 'enabled' : 'disabled'} here.
        </p>
      ) : (
        <>
          <p>This changes the following plugins on {props.platform.name}, in this order:</p>
          <ol class="mt-1 list-decimal pl-5" data-plan>
            {plan.plugins.map((p) => (
              <li>
                {p}
                {p === id ? '' : action === 'enable' ? ' (a dependency)' : ' (depends on it)'}
              </li>
            ))}
          </ol>
          {action === 'disable' ? (
            <p class="mt-2">Their pages and API routes stop answering on this platform; their data is kept.</p>
          ) : null}
        </>
      )}
    </ConfirmDialog>
  );
}
