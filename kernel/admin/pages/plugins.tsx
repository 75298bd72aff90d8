import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import { OrionError } from '../../errors/define-error.js';
import type { HealthRegistry } from '../../observability/health.js';
import type { PluginHost } from '../../plugins/host.js';
import type { Plan } from '../../plugins/lifecycle.js';
import { listPlugins } from '../../plugins/listing.js';
import { auditTransitions } from '../../plugins/transition-audit.js';
import { csrfToken } from '../../security/csrf.js';
import type { Platform } from '../../tenancy/platforms.js';
import { Alert } from '../../ui/components/alert.js';
import { ConfirmDialog } from '../../ui/components/confirm-dialog.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { isHtmxRequest } from '../../ui/shell.js';
import { adminOf, managedPlatform } from '../scope.js';
import { PluginsPage } from './plugin-list.js';

type Action = 'enable' | 'disable';
export type Message = { kind: 'success' | 'error'; text: string };

export interface AdminPluginsDeps {
  host: PluginHost;
  knex: Knex;
  health: HealthRegistry;
  root: (c: Context) => string;
}

/** The plugins page's list of one platform, with a message on top: the answer of every action on it. */
export function pluginListRenderer(deps: AdminPluginsDeps) {
  return async (c: Context, platform: Platform, message?: Message) => {
    const plugins = await listPlugins(deps.host, deps.knex, platform.id);
    const report = await deps.health.report((check) => check.name.startsWith('plugin:'));
    const health = new Map(
      Object.entries(report.checks).map(([name, r]) => [
        name.slice('plugin:'.length),
        r.status === 'ok' ? '' : (r.error ?? 'failing'),
      ]),
    );
    const settings = new Set(
      [...deps.host.loaded].filter(([, p]) => Object.keys(p.discovered.manifest.settings).length).map(([id]) => id),
    );
    const root = `${deps.root(c)}/platforms/${platform.code}/plugins`;
    return c.render(
      <PluginsPage
        root={root}
        csrf={csrfToken(c)}
        superAdmin={adminOf(c).role === 'super_admin'}
        platform={platform}
        plugins={plugins}
        health={health}
        settings={settings}
        message={message}
      />,
      { title: `Plugins · ${platform.name}` },
    );
  };
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

  const renderList = pluginListRenderer(deps);

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
      const plan = await run(platform.code, id, {
        cascade: true,
        actor: adminOf(c).email,
        audit: auditTransitions(host.platforms, c),
      });
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
