import type { Context, Hono } from 'hono';
import { AuthErrors } from '../../auth/errors.js';
import { OrionError } from '../../errors/define-error.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT } from '../../i18n/request.js';
import type { Plan } from '../../plugins/lifecycle.js';
import { LifecycleErrors } from '../../plugins/lifecycle-errors.js';
import { auditTransitions } from '../../plugins/transition-audit.js';
import type { Platform } from '../../tenancy/platforms.js';
import { mountConfirmedAction, type Question } from '../../ui/confirmed-action.js';
import { adminOf, managedPlatform } from '../scope.js';
import { swapPage } from './plugin-list.js';
import { type AdminPluginsDeps, listAnswer, type Message } from './plugins.js';

type Global = 'install' | 'upgrade' | 'uninstall';
/**
 * The plugins page's code-changing actions, for super administrators (as in the management API): install, upgrade
 * and uninstall (`GET …/:id/:action` shows the dry run's plan, `POST` does it; uninstall keeps the data unless asked
 * not to), reload one plugin and rescan the folders (`POST`). A refused or failed transition is shown on the list.
 */
export function mountAdminPluginActions(app: Hono, deps: AdminPluginsDeps): void {
  const { host } = deps;
  const answerList = listAnswer(deps);
  const listUrl = (c: Context, p: Platform) => `${deps.root(c)}/platforms/${p.code}/plugins`;
  const guard = (c: Context) => {
    const platform = managedPlatform(c, host.platforms, c.req.param('platform') ?? '');
    if (adminOf(c).role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
    return platform;
  };
  const run = (c: Context, action: Global, id: string, options: { dryRun: boolean; keepData: boolean }) => {
    const o = { dryRun: options.dryRun, actor: adminOf(c).email, audit: auditTransitions(host.platforms, c) };
    if (action === 'install') return host.install(id, o);
    if (action === 'upgrade') return host.upgrade(id, o);
    return host.uninstall(id, { ...o, keepData: options.keepData });
  };
  /** After an action: the list with its message (htmx, or a failure), else a redirect with the message as flash. */
  const answer = (c: Context, _platform: Platform, message: Message) => answerList(c, message);
  const failure = (c: Context, err: unknown): Message => {
    if (!(err instanceof OrionError) || err.category === 'internal') throw err;
    c.status(err.status as 409);
    return { kind: 'error', text: err.message };
  };

  const verbOf = (c: Context) => c.req.param('action') as Global;
  mountConfirmedAction(app, '/admin/platforms/:platform/plugins/:id/:action{install|upgrade|uninstall}', {
    id: 'plugin-confirm-panel',
    title: (c) => kernelT(c)(`adminPlugins.verb.${verbOf(c)}`, { name: c.req.param('id') ?? '' }),
    back: (c) => listUrl(c, managedPlatform(c, host.platforms, c.req.param('platform') ?? '')),
    labels: (c) => ({ cancel: kernelT(c)('confirm.cancel'), back: kernelT(c)('adminPlugins.back') }),
    ask: async (c) => {
      const platform = guard(c);
      const id = c.req.param('id') ?? '';
      const keepData = c.req.query('keepData') !== 'false';
      const plan = await run(c, verbOf(c), id, { dryRun: true, keepData });
      return globalQuestion({ t: kernelT(c), list: listUrl(c, platform), id, action: verbOf(c), keepData, plan });
    },
    act: async (c) => {
      guard(c);
      const id = c.req.param('id') ?? '';
      const action = verbOf(c);
      const keepData = (await c.req.parseBody()).keepData !== 'false';
      const plan = await run(c, action, id, { dryRun: false, keepData });
      const t = kernelT(c);
      const data =
        action === 'uninstall' ? ` ${t(keepData ? 'adminPlugins.dataKept' : 'adminPlugins.dataDeleted')}` : '';
      const migrations = plan.migrations.length
        ? ` ${t('adminPlugins.migrations', { list: plan.migrations.join(', ') })}`
        : '';
      return { kind: 'success', text: `${t(`adminPlugins.done.${action}`, { name: id })}${migrations}${data}` };
    },
    answer: answerList,
  });

  app.post('/admin/platforms/:platform/plugins/:id/reload', async (c) => {
    const platform = guard(c);
    const id = c.req.param('id');
    let message: Message;
    try {
      if (!host.loaded.has(id)) throw LifecycleErrors.UnknownPlugin({ id });
      const result = await host.rescan([id]);
      await host.announceCode();
      message = result.excluded.includes(id)
        ? { kind: 'error', text: kernelT(c)('adminPlugins.reloadFailed', { name: id }) }
        : { kind: 'success', text: kernelT(c)('adminPlugins.reloaded', { name: id }) };
    } catch (err) {
      message = failure(c, err);
    }
    return answer(c, platform, message);
  });

  app.post('/admin/platforms/:platform/plugins/rescan', async (c) => {
    const platform = guard(c);
    const result = await host.rescan();
    await host.announceCode();
    const t = kernelT(c);
    const parts = [
      result.added.length ? t('adminPlugins.rescan.added', { list: result.added.join(', ') }) : '',
      result.reloaded.length ? t('adminPlugins.rescan.reloaded', { list: result.reloaded.join(', ') }) : '',
      result.excluded.length ? t('adminPlugins.rescan.excluded', { list: result.excluded.join(', ') }) : '',
    ].filter(Boolean);
    return answer(c, platform, {
      kind: 'success',
      text: t('adminPlugins.rescanned', { changes: parts.length ? parts.join('; ') : t('adminPlugins.rescan.none') }),
    });
  });
}

/** The question before installing, upgrading or uninstalling: the migrations, and for uninstall what becomes of the data. */
function globalQuestion(props: {
  t: Translate<KernelKey>;
  list: string;
  id: string;
  action: Global;
  keepData: boolean;
  plan: Plan;
}): Question {
  const { plan, action, id, t } = props;
  const url = `${props.list}/${id}/${action}`;
  const toggle = `${url}?keepData=${props.keepData ? 'false' : 'true'}`;
  return {
    title: t(`adminPlugins.everywhere.${action}`, { name: id }),
    confirmLabel:
      action === 'uninstall' && !props.keepData ? t('adminPlugins.uninstallDelete') : t(`adminPlugins.${action}`),
    danger: action === 'uninstall',
    fields: action === 'uninstall' ? { keepData: String(props.keepData) } : undefined,
    formAttrs: swapPage(url),
    body: (
      <>
        <p>{t('adminPlugins.global')}</p>
        {plan.migrations.length ? (
          <>
            <p class="mt-2">
              {t(action === 'uninstall' ? 'adminPlugins.migrationsReverted' : 'adminPlugins.migrationsRun')}
            </p>
            <ul class="mt-1 list-disc pl-5" data-plan>
              {plan.migrations.map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          </>
        ) : (
          <p class="mt-2">{t('adminPlugins.noMigration')}</p>
        )}
        {action === 'uninstall' ? (
          <p class="mt-2">
            {t(props.keepData ? 'adminPlugins.keepsData' : 'adminPlugins.deletesData')}{' '}
            <a
              class="underline"
              href={toggle}
              hx-get={toggle}
              hx-target="#plugin-confirm"
              hx-select="#plugin-confirm-panel"
              hx-swap="innerHTML"
            >
              {t(props.keepData ? 'adminPlugins.deleteInstead' : 'adminPlugins.keepInstead')}
            </a>
          </p>
        ) : null}
      </>
    ),
  };
}
