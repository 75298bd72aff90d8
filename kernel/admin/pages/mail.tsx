import type { Context, Hono } from 'hono';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import type { MailOutbox, OutboxMail } from '../../mail/outbox.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, type TableState, tableQuery, tableSwap } from '../../ui/components/data-table.js';
import { TextField } from '../../ui/components/form.js';
import { kitLanguage, kitT } from '../../ui/components/kit-language.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { adminOf } from '../scope.js';
import { formatDate } from './dashboard.js';

/**
 * Mails for super administrators only, like the mail API: they hold the single-use links (invitations, password
 * resets) of every account, administrators' included. Another administrator gets a 403.
 */
function requireSuper(c: Context): void {
  if (adminOf(c).role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
}

/**
 * `GET /admin/mail` (newest first, filter by recipient, pages) and `GET /admin/mail/:id` (one mail, its text and
 * the source of its HTML): what the log transport kept instead of sending, in development.
 */
export function mountAdminMail(app: Hono, deps: { outbox: MailOutbox; root: (c: Context) => string }): void {
  app.get('/admin/mail', async (c) => {
    requireSuper(c);
    const to = c.req.query('to')?.trim().slice(0, 320) || undefined;
    const state = tableQuery(c.req.query(), { sortable: [], defaultSort: 'at', defaultDir: 'desc', pageSize: 25 });
    const [rows, total] = await Promise.all([
      deps.outbox.list({ to, limit: state.pageSize, offset: (state.page - 1) * state.pageSize }),
      deps.outbox.count({ to }),
    ]);
    return c.render(<MailLogPage root={deps.root(c)} rows={rows} total={total} state={state} to={to} />, {
      title: kernelT(c)('adminMail.title'),
    });
  });

  app.get('/admin/mail/:id{[0-9]+}', async (c) => {
    requireSuper(c);
    const mail = await deps.outbox.get(Number(c.req.param('id')));
    if (!mail) throw KernelErrors.NotFound({ path: c.req.path });
    return c.render(<MailPage root={deps.root(c)} mail={mail} />, { title: mail.subject });
  });
}

function MailLogPage(props: { root: string; rows: OutboxMail[]; total: number; state: TableState; to?: string }) {
  const href = `${props.root}/mail`;
  const swap = tableSwap('mail-table');
  // Rendered inside the shell: the kit's language is the request's.
  const t = kitT();
  const lang = kitLanguage();
  const columns: Column<OutboxMail>[] = [
    {
      key: 'at',
      label: t('adminAudit.when'),
      render: (m) => (
        <a class="text-brand-700 underline" href={`${href}/${m.id}`}>
          {formatDate(m.createdAt, lang)}
        </a>
      ),
    },
    { key: 'to', label: t('adminMail.to'), render: (m) => m.to },
    { key: 'subject', label: t('adminMail.subject'), render: (m) => m.subject },
    { key: 'tag', label: t('adminMail.kind'), render: (m) => (m.tag ? <Badge>{m.tag}</Badge> : '—') },
  ];
  return (
    <>
      <PageHeader title={t('adminMail.title')} description={t('adminMail.description')} />
      <Card class="mb-4">
        <form method="get" action={href} hx-get={href} {...swap} class="flex flex-wrap items-end gap-3">
          <TextField name="to" label={t('adminMail.recipient')} type="email" value={props.to} />
          <Button>{t('adminAudit.filter')}</Button>
          <LinkButton href={href}>{t('adminAudit.clear')}</LinkButton>
        </form>
      </Card>
      <DataTable
        id="mail-table"
        caption={t('adminMail.title')}
        href={href}
        columns={columns}
        rows={props.rows}
        total={props.total}
        state={props.state}
        params={props.to ? { to: props.to } : {}}
        empty={t('adminMail.empty')}
      />
    </>
  );
}

function MailPage(props: { root: string; mail: OutboxMail }) {
  const m = props.mail;
  const t = kitT();
  return (
    <>
      <PageHeader
        title={m.subject}
        description={t('adminMail.sentTo', { when: formatDate(m.createdAt, kitLanguage()), to: m.to })}
        actions={<LinkButton href={`${props.root}/mail`}>{t('adminMail.back')}</LinkButton>}
      />
      <div class="grid gap-4 lg:grid-cols-3">
        <Card title={t('adminMail.envelope')}>
          <dl class="grid grid-cols-3 gap-2 text-sm">
            <dt class="text-gray-600">{t('adminMail.from')}</dt>
            <dd class="col-span-2 break-all">{m.from}</dd>
            <dt class="text-gray-600">{t('adminMail.to')}</dt>
            <dd class="col-span-2 break-all">{m.to}</dd>
            <dt class="text-gray-600">{t('adminMail.kind')}</dt>
            <dd class="col-span-2">{m.tag ?? '—'}</dd>
            <dt class="text-gray-600">{t('adminMail.transport')}</dt>
            <dd class="col-span-2">{m.transport}</dd>
          </dl>
        </Card>
        <Card title={t('adminMail.text')} class="lg:col-span-2">
          <pre class="whitespace-pre-wrap break-words text-sm">{m.text}</pre>
          {m.html ? (
            <details class="mt-4">
              <summary class="cursor-pointer text-sm text-gray-700">{t('adminMail.html')}</summary>
              <pre class="mt-2 whitespace-pre-wrap break-words text-xs">{m.html}</pre>
            </details>
          ) : null}
        </Card>
      </div>
    </>
  );
}
