import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveService } from '../../kernel/di/container.js';
import { lastMailTo, linkIn, mailsTo } from '../../kernel/testing/mail.js';
import { type SmtpSink, startSmtpSink } from '../../kernel/testing/smtp-sink.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

describe('kernel mail without SMTP_URL', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startTestKernel();
  });
  after(() => kernel.stop());

  it('keeps mail in the outbox, where tests find the newest one and its link', async () => {
    const mailer = resolveService(kernel.container, 'kernel.mailer');
    assert.equal(mailer, kernel.mailer);
    assert.equal(mailer.transport, 'log');
    await mailer.send({ to: 'ada@example.com', subject: 'Old', text: 'https://orion.test/invitations/old' });
    await mailer.send({
      to: 'Ada@Example.com',
      subject: 'You are invited',
      text: 'Welcome! Accept: https://orion.test/invitations/tok-123?platform=main.\nSee https://orion.test/help',
      tag: 'auth.invitation',
    });
    const mail = await lastMailTo(kernel, 'ada@example.com');
    assert.equal(mail.subject, 'You are invited');
    assert.equal(mail.from, 'Orion <no-reply@orion.test>');
    assert.equal(linkIn(mail, '/invitations/'), 'https://orion.test/invitations/tok-123?platform=main');
    assert.equal(linkIn(mail, '/help'), 'https://orion.test/help');
    assert.equal((await mailsTo(kernel.db, 'ada@example.com')).length, 2);
    assert.ok(kernel.logs.some((l) => l.msg.startsWith('mail kept in the outbox') && l.component === 'mail'));
  });

  it('tells a test plainly when no mail or no such link exists', async () => {
    await assert.rejects(lastMailTo(kernel.db.knex, 'nobody@example.com'), /no mail to nobody@example\.com/);
    assert.throws(() => linkIn({ text: 'no links here' }, '/reset'), /no link containing \/reset in the mail text/);
  });
});

describe('kernel mail with SMTP_URL', () => {
  let sink: SmtpSink;
  let kernel: TestKernel;
  before(async () => {
    sink = await startSmtpSink();
    kernel = await startTestKernel({ settings: { SMTP_URL: sink.url, MAIL_FROM: 'Shop <shop@orion.test>' } });
  });
  after(async () => {
    await kernel.stop();
    await sink.close();
  });

  it('sends through the SMTP server from MAIL_FROM, and keeps nothing in the outbox', async () => {
    assert.equal(kernel.mailer.transport, 'smtp');
    await kernel.mailer.send({ to: 'bob@example.com', subject: 'Your order', text: 'Thanks!' });
    assert.deepEqual(sink.received.at(-1)?.to, ['bob@example.com']);
    assert.equal(sink.received.at(-1)?.from, 'shop@orion.test');
    assert.deepEqual(await mailsTo(kernel, 'bob@example.com'), []);
  });
});
