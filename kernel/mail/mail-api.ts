import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import type { MailOutbox, OutboxMail } from './outbox.js';

const MailSummary = z
  .object({
    id: z.number().int(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    tag: z.string().nullable(),
    platformId: z.number().int().nullable(),
    vendorId: z.number().int().nullable(),
    transport: z.string(),
    createdAt: z.string(),
  })
  .openapi('MailSummary');

const Mail = MailSummary.extend({ text: z.string(), html: z.string().nullable() }).openapi('Mail');

const Query = z.object({
  to: z.string().trim().max(320).optional().openapi({ description: 'Only mails to this address (any case)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const summary = (m: OutboxMail) => ({
  id: m.id,
  to: m.to,
  from: m.from,
  subject: m.subject,
  tag: m.tag,
  platformId: m.platformId,
  vendorId: m.vendorId,
  transport: m.transport,
  createdAt: m.createdAt.toISOString(),
});

/**
 * The mail outbox for super administrators: what the log transport kept instead of sending (SMTP_URL unset, as in
 * development). Super administrators only: the mails hold single-use links (invitations, password resets) of every
 * account, administrators' included, so no narrower scope would be safe.
 */
export function mailApi(deps: { outbox: MailOutbox; superAdmin: MiddlewareHandler }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.use('/api/v1/admin/mail', deps.superAdmin);
  api.use('/api/v1/admin/mail/*', deps.superAdmin);

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/mail',
      tags: ['mail'],
      request: { query: Query },
      responses: {
        200: jsonResponse(
          z.object({
            mails: z.array(MailSummary),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          'Kept mails, newest first, without their bodies',
        ),
        403: { description: 'Not a super administrator' },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = q.to ? { to: q.to } : {};
      const mails = await deps.outbox.list({ ...filter, limit: q.limit, offset: q.offset });
      const total = await deps.outbox.count(filter);
      return c.json({ mails: mails.map(summary), total, limit: q.limit, offset: q.offset }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/mail/{id}',
      tags: ['mail'],
      request: { params: z.object({ id: z.coerce.number().int().positive() }) },
      responses: {
        200: jsonResponse(Mail, 'The mail with its text and HTML bodies'),
        404: { description: 'No such mail' },
      },
    }),
    async (c) => {
      const mail = await deps.outbox.get(c.req.valid('param').id);
      if (!mail) throw KernelErrors.NotFound({ path: c.req.path });
      return c.json({ ...summary(mail), text: mail.text, html: mail.html }, 200);
    },
  );
  return api;
}
