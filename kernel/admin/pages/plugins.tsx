import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT } from '../../i18n/request.js';
import type { HealthRegistry } from '../../observability/health.js';
import type { PluginHost } from '../../plugins/host.js';
import type { Plan } from '../../plugins/lifecycle.js';
import { listPlugins } from '../../plugins/listing.js';
import { auditTransitions } from '../../plugins/transition-audit.js';
import { csrfToken } from '../../security/csrf.js';
import type { Platform } from '../../tenancy/platforms.js';
import { mountConfirmedAction, type Question } from '../../ui/confirmed-action.js';
import { type Flash, setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { isHtmxRequest } from '../../ui/shell.js';
import { adminOf, managedPlatform } from '../scope.js';
import { PluginsPage, swapPage } from './plugin-list.js';

type Action = 'enable' | 'disable';
export type Message = Flash;

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
      { title: `${kernelT(c)('adminPlatforms.plugins')} · ${platform.name}` },
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

  const target = (c: Context) => ({
    platform: managedPlatform(c, host.platforms, c.req.param('platform') ?? ''),
    id: c.req.param('id') ?? '',
    action: c.req.param('action') as Action,
  });
  mountConfirmedAction(app, '/admin/platforms/:platform/plugins/:id/:action{enable|disable}', {
    id: 'plugin-confirm-panel',
    title: (c) => kernelT(c)(`adminPlugins.verb.${c.req.param('action') as Action}`, { name: c.req.param('id') ?? '' }),
    back: (c) => listUrl(c, target(c).platform),
    labels: (c) => ({ cancel: kernelT(c)('confirm.cancel'), back: kernelT(c)('adminPlugins.back') }),
    ask: async (c) => {
      const { platform, id, action } = target(c);
      const run = action === 'enable' ? host.enable : host.disable;
      const plan = await run(platform.code, id, { dryRun: true, cascade: true, actor: adminOf(c).email });
      return planQuestion({ t: kernelT(c), list: listUrl(c, platform), platform, id, action, plan });
    },
    act: async (c) => {
      const { platform, id, action } = target(c);
      const run = action === 'enable' ? host.enable : host.disable;
      const plan = await run(platform.code, id, {
        cascade: true,
        actor: adminOf(c).email,
        audit: auditTransitions(host.platforms, c),
      });
      const others = plan.plugins.filter((p) => p !== id);
      const t = kernelT(c);
      const also = others.length ? ` ${t(`adminPlugins.also.${action}`, { list: others.join(', ') })}` : '';
      return {
        kind: 'success',
        text: `${t(`adminPlugins.done.${action}`, { name: id, platform: platform.name })}${also}`,
      };
    },
    answer: listAnswer(deps),
  });
}

/**
 * How the plugins page answers an action: with htmx (or after a refusal) the list with the message on top, in place;
 * without, a redirect to the list with the message as flash.
 */
export function listAnswer(deps: AdminPluginsDeps) {
  const renderList = pluginListRenderer(deps);
  return (c: Context, message: Message) => {
    const platform = managedPlatform(c, deps.host.platforms, c.req.param('platform') ?? '');
    if (isHtmxRequest(c) || message.kind === 'error') return renderList(c, platform, message);
    setFlash(c, message);
    return seeOther(c, `${deps.root(c)}/platforms/${platform.code}/plugins`);
  };
}

/** The question before enabling or disabling: the plugins the plan changes, in order. */
function planQuestion(props: {
  t: Translate<KernelKey>;
  list: string;
  platform: Platform;
  id: string;
  action: Action;
  plan: Plan;
}): Question {
  const { plan, action, id, t } = props;
  const others = plan.plugins.filter((p) => p !== id);
  return {
    title: t(`adminPlugins.ask.${action}`, { name: id, platform: props.platform.name }),
    confirmLabel: others.length
      ? t(`adminPlugins.many.${action}`, { count: plan.plugins.length })
      : t(`adminPlugins.${action}`),
    danger: action === 'disable',
    formAttrs: swapPage(`${props.list}/${id}/${action}`),
    body:
      plan.plugins.length === 0 ? (
        <p>{t(`adminPlugins.nothing.${action}`, { name: id })}</p>
      ) : (
        <>
          <p>{t('adminPlugins.planIntro', { platform: props.platform.name })}</p>
          <ol class="mt-1 list-decimal pl-5" data-plan>
            {plan.plugins.map((p) => (
              <li>
                {p}
                {p === id ? '' : ` ${t(action === 'enable' ? 'adminPlugins.aDependency' : 'adminPlugins.dependsOnIt')}`}
              </li>
            ))}
          </ol>
          {action === 'disable' ? <p class="mt-2">{t('adminPlugins.disableBody')}</p> : null}
        </>
      ),
  };
}
