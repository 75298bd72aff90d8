import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { captureLogs } from '../testing/log-capture.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.js';
import { MailErrors } from './errors.js';
import { createSmtpMailer } from './smtp-transport.js';

const FROM = 'Orion <no-reply@orion.test>';

/** A port on which nothing listens: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('SMTP transport', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink({
      user: 'mailer@orion.test',
      password: 's3cret-pa55',
      refuseRecipient: (to) => (to.endsWith('@nowhere.test') ? 'No such mailbox here' : undefined),
    });
  });
  after(() => sink.close());

  it('delivers a mail to the SMTP server, signed in, with its envelope, subject, bodies and tag', async () => {
    const mailer = await createSmtpMailer({ url: sink.url, from: FROM, logger: pino({ level: 'silent' }) });
    try {
      const sent = await mailer.send({
        to: 'ada@example.com',
        subject: 'You are invited to Orion',
        text: 'Accept your invitation: https://orion.test/invitations/abc123',
        html: '<p><a href="https://orion.test/invitations/abc123">Accept your invitation</a></p>',
        replyTo: 'support@orion.test',
        tag: 'auth.invitation',
      });
      assert.equal(sent.transport, 'smtp');
      assert.match(sent.messageId ?? '', /^<.+@.+>$/);
      const mail = sink.received.at(-1);
      assert.ok(mail, 'nothing arrived');
      assert.equal(mail.user, 'mailer@orion.test');
      assert.equal(mail.from, 'no-reply@orion.test');
      assert.deepEqual(mail.to, ['ada@example.com']);
      assert.match(mail.raw, /^Subject: You are invited to Orion\r$/m);
      assert.match(mail.raw, /^From: Orion <no-reply@orion\.test>\r$/m);
      assert.match(mail.raw, /^Reply-To: support@orion\.test\r$/m);
      assert.match(mail.raw, /^X-Orion-Tag: auth\.invitation\r$/m);
      assert.match(mail.raw, /multipart\/alternative/);
      assert.ok(mail.raw.includes('Accept your invitation: https://orion.test/invitations/abc123'));
      assert.ok(mail.raw.includes('<a href=3D"https://orion.test/invitations/abc123">'), 'html part missing');
    } finally {
      await mailer.close();
    }
  });

  it('sends from the address the message names instead of MAIL_FROM', async () => {
    const mailer = await createSmtpMailer({ url: sink.url, from: FROM, logger: pino({ level: 'silent' }) });
    try {
      await mailer.send({ to: 'bob@example.com', from: 'Shop <shop@orion.test>', subject: 'Hi', text: 'Hello' });
      assert.equal(sink.received.at(-1)?.from, 'shop@orion.test');
    } finally {
      await mailer.close();
    }
  });

  it('fails with ORN_MAIL_SEND_FAILED when the server refuses the password, and never shows the credentials', async () => {
    const { destination, lines } = captureLogs();
    const url = sink.url.replace('s3cret-pa55', 'wrong-pa55word');
    const mailer = await createSmtpMailer({ url, from: FROM, logger: pino({ level: 'info' }, destination) });
    try {
      const err = await mailer.send({ to: 'ada@example.com', subject: 'Hi', text: 'Hello' }).then(
        () => assert.fail('the mail was sent'),
        (e: unknown) => e,
      );
      assert.ok(MailErrors.SendFailed.is(err), `unexpected error: ${String(err)}`);
      assert.match(err.message, /^Mail to ada@example\.com could not be sent through 127\.0\.0\.1:\d+: EAUTH: /);
      assert.match(err.message, /535/);
      const everything = `${err.message} ${JSON.stringify(lines)}`;
      for (const secret of ['wrong-pa55word', 'mailer@orion.test', 'mailer%40orion.test']) {
        assert.ok(!everything.includes(secret), `${secret} shown in ${everything}`);
      }
      assert.equal(lines.find((l) => l.msg === 'mail not sent')?.to, 'ada@example.com');
    } finally {
      await mailer.close();
    }
  });

  it('fails with ORN_MAIL_SEND_FAILED, quoting the server, when the server refuses the recipient', async () => {
    const mailer = await createSmtpMailer({ url: sink.url, from: FROM, logger: pino({ level: 'silent' }) });
    try {
      await assert.rejects(mailer.send({ to: 'ghost@nowhere.test', subject: 'Hi', text: 'Hello' }), (err: Error) => {
        assert.ok(MailErrors.SendFailed.is(err));
        assert.match(err.message, /EENVELOPE: .*550.*No such mailbox here/);
        return true;
      });
    } finally {
      await mailer.close();
    }
  });

  it('fails with ORN_MAIL_SEND_FAILED soon when no server listens', async () => {
    const port = await closedPort();
    const mailer = await createSmtpMailer({
      url: `smtp://user:pw-123@127.0.0.1:${port}`,
      from: FROM,
      logger: pino({ level: 'silent' }),
      timeouts: { connectMs: 2000 },
    });
    try {
      await assert.rejects(mailer.send({ to: 'ada@example.com', subject: 'Hi', text: 'Hello' }), (err: Error) => {
        assert.ok(MailErrors.SendFailed.is(err));
        assert.match(err.message, new RegExp(`through 127\\.0\\.0\\.1:${port}: ESOCKET: connect ECONNREFUSED`));
        assert.ok(!err.message.includes('pw-123'));
        return true;
      });
    } finally {
      await mailer.close();
    }
  });

  it('refuses a message without a valid recipient before it connects', async () => {
    const mailer = await createSmtpMailer({ url: sink.url, from: FROM, logger: pino({ level: 'silent' }) });
    const before = sink.received.length;
    try {
      await assert.rejects(
        mailer.send({ to: 'not an address', subject: 'Two\nlines', text: 'Hello' }),
        (err: Error) =>
          MailErrors.InvalidMessage.is(err) &&
          /to must be one email address/.test(err.message) &&
          /subject must be one line/.test(err.message),
      );
      assert.equal(sink.received.length, before);
    } finally {
      await mailer.close();
    }
  });
});
