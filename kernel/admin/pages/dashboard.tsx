import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { kernelT, languageOf } from '../../i18n/request.js';
import type { HealthRegistry } from '../../observability/health.js';
import type { PluginHost } from '../../plugins/host.js';
import { Badge } from '../../ui/components/badge.js';
import { BarChart, type BarDatum } from '../../ui/components/bar-chart.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { StatCard } from '../../ui/components/stat-card.js';
import { adminOf, onManagedPlatforms } from '../scope.js';

interface AuditRow {
  id: number;
  created_at: Date;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
}

/** `GET /admin`: vendor counts, the latest audit entries and the health of the platform's plugins. */
export function mountAdminDashboard(app: Hono, deps: { db: DbAccess; host: PluginHost; health: HealthRegistry }): void {
  app.get('/admin', async (c) => {
    const admin = adminOf(c);
    const platform = c.get('platform');
    const { counts, audit, created } = await deps.db.asSystem('admin: dashboard', async (db) => {
      const base = onManagedPlatforms(c, db('vendors as v').whereNull('v.deleted_at'));
      const rows: { status: string; n: string | number }[] = await base
        .clone()
        .select('v.status')
        .count({ n: '*' })
        .groupBy('v.status');
      const audit = db('audit_log')
        .select('id', 'at as created_at', 'actor_label', 'action', 'target_type', 'target_id')
        .orderBy('id', 'desc')
        .limit(10);
      if (admin.platformIds !== 'all') audit.whereIn('platform_id', [...admin.platformIds]);
      const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      const perDay: { day: string; n: string | number }[] = await base
        .clone()
        .where('v.created_at', '>=', db.raw(`current_date - interval '13 days'`))
        .select(db.raw(`to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD') as day`))
        .count({ n: '*' })
        .groupBy('day');
      return {
        counts: { active: count('active'), suspended: count('suspended') },
        audit: (await audit) as AuditRow[],
        created: lastDays(14, perDay),
      };
    });
    const snapshot = c.get('pluginSnapshot');
    const enabled = platform && snapshot ? snapshot.enabledOn(platform.id) : [];
    const report = await deps.health.report((check) => check.name.startsWith('plugin:'));
    return c.render(
      <Dashboard c={c} counts={counts} audit={audit} created={created} enabled={enabled} checks={report.checks} />,
      { title: kernelT(c)('menu.admin.dashboard') },
    );
  });
}

function Dashboard(props: {
  c: Context;
  counts: { active: number; suspended: number };
  audit: AuditRow[];
  created: BarDatum[];
  enabled: string[];
  checks: Record<string, { status: 'ok' | 'fail'; error?: string }>;
}) {
  const platform = props.c.get('platform');
  const t = kernelT(props.c);
  const lang = languageOf(props.c);
  return (
    <>
      <PageHeader
        title={t('menu.admin.dashboard')}
        description={platform ? t('adminDashboard.platform', { name: platform.name }) : undefined}
      />
      <div class="mb-6 grid gap-4 sm:grid-cols-3">
        <StatCard label={t('adminDashboard.active')} value={props.counts.active} />
        <StatCard label={t('adminDashboard.suspended')} value={props.counts.suspended} />
        <StatCard label={t('adminDashboard.enabled')} value={props.enabled.length} />
      </div>
      <Card class="mb-6">
        <BarChart title={t('adminDashboard.chart')} data={props.created} />
      </Card>
      <div class="grid gap-4 lg:grid-cols-2">
        <Card title={t('adminDashboard.recent')}>
          {props.audit.length ? (
            <ul class="divide-y divide-gray-100 text-sm">
              {props.audit.map((a) => (
                <li class="py-2">
                  <span class="font-medium">{a.action}</span>
                  {a.target_type ? ` · ${a.target_type} ${a.target_id ?? ''}` : ''}
                  <span class="block text-xs text-gray-600">
                    {a.actor_label} ·{' '}
                    <time datetime={new Date(a.created_at).toISOString()}>{formatDate(a.created_at, lang)}</time>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="text-sm text-gray-600">{t('adminDashboard.noActivity')}</p>
          )}
        </Card>
        <Card title={t('adminDashboard.health')}>
          {props.enabled.length ? (
            <ul class="divide-y divide-gray-100 text-sm">
              {props.enabled.map((id) => {
                const check = props.checks[`plugin:${id}`];
                return (
                  <li class="flex items-center justify-between gap-2 py-2">
                    <span>{id}</span>
                    {!check ? (
                      <Badge>{t('adminDashboard.noCheck')}</Badge>
                    ) : check.status === 'ok' ? (
                      <Badge tone="green">{t('adminDashboard.healthy')}</Badge>
                    ) : (
                      <span class="text-right">
                        <Badge tone="red">{t('adminDashboard.failing')}</Badge>
                        <span class="block text-xs text-red-800">{check.error}</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="text-sm text-gray-600">{t('adminDashboard.noPlugin')}</p>
          )}
        </Card>
      </div>
    </>
  );
}

/** One bar per day, oldest first, with 0 for days without a row. */
function lastDays(days: number, rows: { day: string; n: string | number }[]): BarDatum[] {
  const counts = new Map(rows.map((r) => [r.day, Number(r.n)]));
  const today = new Date();
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1 - i)));
    const key = day.toISOString().slice(0, 10);
    return { label: key.slice(5), value: counts.get(key) ?? 0 };
  });
}

export function formatDate(value: Date | string, lang = 'en'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(value),
  );
}
