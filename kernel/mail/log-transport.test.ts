import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pino } from 'pino';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant-scope.js';
import { captureLogs, type LogLine } from '../testing/log-capture.js';
import { createTestDatabase } from '../testing/test-database.js';
import { MailErrors } from './errors.js';
import { createLogMailer } from './log-transport.js';
import type { Mailer } from './message.js';
import { MailOutbox } from './outbox.js';

const FROM = 'Orion <no-reply@orion.test>';

describe('log transport and outbox', () => {
  let db: Database;
  let mailer: Mailer;
  let outbox: MailOutbox;
  let lines: LogLine[];
  before(async () => {
    db = await createTestDatabase();
    const logs = captureLogs();
    lines = logs.lines;
    mailer = createLogMailer({ knex: db.knex, logger: pino({ level: 'debug' }, logs.destination), from: FROM });
    outbox = new MailOutbox(db.knex);
  });
  after(() => db.close());
  beforeEach(async () => {
    // The outbox is a tenant table: a delete outside a scope would see (and delete) nothing.
    await withTenant(db.knex, { bypass: true, reason: 'test' }, (trx) => trx('mail_outbox').delete());
    lines.length = 0;
  });

  it('keeps the mail in the outbox with its sender, context and both bodies', async () => {
    const sent = await mailer.send({
      to: 'ada@example.com',
      subject: 'Reset your password',
      text: 'Reset it here: https://orion.test/reset/tok',
      html: '<a href="https://orion.test/reset/tok">Reset</a>',
      tag: 'auth.password-reset',
      platformId: 1,
      vendorId: 7,
    });
    assert.equal(sent.transport, 'log');
    const mail = await outbox.get(sent.outboxId ?? 0);
    assert.ok(mail);
    assert.deepEqual(
      { ...mail, createdAt: mail.createdAt instanceof Date },
      {
        id: sent.outboxId,
        to: 'ada@example.com',
        from: FROM,
        subject: 'Reset your password',
        text: 'Reset it here: https://orion.test/reset/tok',
        html: '<a href="https://orion.test/reset/tok">Reset</a>',
        tag: 'auth.password-reset',
        platformId: 1,
        vendorId: 7,
        transport: 'log',
        createdAt: true,
      },
    );
  });

  it('logs the mail without its body at info level, and the text only at debug level', async () => {
    const { outboxId } = await mailer.send({ to: 'ada@example.com', subject: 'Hi', text: 'secret link', tag: 'x.y' });
    const info = lines.filter((l) => l.level === 30);
    assert.equal(info.length, 1);
    assert.equal(info[0]?.to, 'ada@example.com');
    assert.equal(info[0]?.subject, 'Hi');
    assert.equal(info[0]?.tag, 'x.y');
    assert.equal(info[0]?.outboxId, outboxId);
    assert.ok(!JSON.stringify(info).includes('secret link'), 'the body was logged at info level');
    assert.equal(lines.find((l) => l.level === 20)?.text, 'secret link');
  });

  it('lists mails newest first, filtered by recipient in any case, a page at a time', async () => {
    for (const [to, subject] of [
      ['ada@example.com', 'first'],
      ['bob@example.com', 'other'],
      ['Ada@Example.com', 'second'],
      ['ada@example.com', 'third'],
    ] as const) {
      await mailer.send({ to, subject, text: subject });
    }
    assert.deepEqual(
      (await outbox.list()).map((m) => m.subject),
      ['third', 'second', 'other', 'first'],
    );
    assert.deepEqual(
      (await outbox.list({ to: ' ADA@example.com ' })).map((m) => m.subject),
      ['third', 'second', 'first'],
    );
    assert.deepEqual(
      (await outbox.list({ to: 'ada@example.com', limit: 1, offset: 1 })).map((m) => m.subject),
      ['second'],
    );
    assert.equal(await outbox.count({ to: 'ada@example.com' }), 3);
    assert.equal(await outbox.count(), 4);
    assert.equal(await outbox.get(999_999), undefined);
  });

  it('writes in the caller’s transaction, so a rollback drops the mail with the rest', async () => {
    await db.knex
      .transaction(async (trx) => {
        await mailer.send({ to: 'ada@example.com', subject: 'Invited', text: 'x' }, { trx });
        assert.equal(await new MailOutbox(trx).count(), 1);
        throw new Error('roll back');
      })
      .catch(() => {});
    assert.equal(await outbox.count(), 0);
  });

  it('refuses a message without recipient or text, and keeps nothing', async () => {
    await assert.rejects(
      mailer.send({ to: '', subject: 'Hi', text: '' }),
      (err: Error) =>
        MailErrors.InvalidMessage.is(err) && /to must be one email address; text must not be empty/.test(err.message),
    );
    assert.equal(await outbox.count(), 0);
  });
});
