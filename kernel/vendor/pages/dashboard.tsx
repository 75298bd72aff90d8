import type { Context, Hono } from 'hono';
import { kernelT } from '../../i18n/request.js';
import type { PluginHost } from '../../plugins/host.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { collectFills } from '../../ui/slots.js';
import { vendorOf } from '../scope.js';

/** The slot plugins fill with dashboard widgets (`slots: { fills: { 'vendor.dashboard.widgets': … } }`). */
export const DASHBOARD_WIDGETS = 'vendor.dashboard.widgets';

/** `GET /vendor/<code>`: the vendor's dashboard, with the widgets of the plugins enabled on the platform. */
export function mountVendorDashboard(app: Hono, deps: { host: PluginHost }): void {
  app.get('/vendor/:vendorCode', async (c: Context) => {
    const vendor = vendorOf(c);
    const t = kernelT(c);
    const widgets = await collectFills(c, deps.host, DASHBOARD_WIDGETS, {
      vendorId: vendor.id,
      vendorCode: vendor.code,
    });
    return c.render(
      <>
        <PageHeader title={t('dashboard.title')} description={t('dashboard.welcome', { name: vendor.name })} />
        {widgets.length ? (
          <div class="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-slot={DASHBOARD_WIDGETS}>
            {widgets.map((w) => (
              <div data-widget={w.pluginId}>{w.content}</div>
            ))}
          </div>
        ) : (
          <Card>
            <p class="text-sm text-gray-600">{t('dashboard.noWidget')}</p>
          </Card>
        )}
      </>,
      { title: t('dashboard.title') },
    );
  });
}
