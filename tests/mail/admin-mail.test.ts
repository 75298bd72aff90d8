import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

describe('the mail outbox for administrators', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  const call = jsonCall(() => kernel);

  before(async () => {
    kernel = await startTestKernel();
    admin = await adminHeaders(kernel);
    for (const [to, subject] of [
      ['ada@example.com', 'First'],
      ['bob@example.com', 'Second'],
      ['Ada@Example.com', 'Third'],
    ]) {
      await kernel.mailer.send({
        to: to as string,
        subject: subject as string,
        text: `${subject}: https://shop.example/x`,
        html: `<p>${subject}</p>`,
        tag: 'test.mail',
      });
    }
  });
  after(() => kernel.stop());

  it('lists kept mails newest first, without bodies, filtered by recipient and paged', async () => {
    const all = await call('GET', '/api/v1/admin/mail', admin);
    assert.equal(all.status, 200);
    const subjects = (all.body.mails as Json[]).map((m) => m.subject);
    assert.deepEqual(subjects.slice(0, 3), ['Third', 'Second', 'First']);
    assert.equal((all.body.mails as Json[])[0]?.text, undefined);
    const ada = await call('GET', '/api/v1/admin/mail?to=ADA@example.com&limit=1&offset=1', admin);
    assert.deepEqual([(ada.body.mails as Json[]).map((m) => m.subject), ada.body.total], [['First'], 2]);
  });

  it('shows one mail in full, with its text and HTML bodies', async () => {
    const [newest] = (await call('GET', '/api/v1/admin/mail?to=bob@example.com', admin)).body.mails as Json[];
    const mail = await call('GET', `/api/v1/admin/mail/${newest?.id}`, admin);
    assert.deepEqual(
      [mail.status, mail.body.to, mail.body.text, mail.body.html, mail.body.tag],
      [200, 'bob@example.com', 'Second: https://shop.example/x', '<p>Second</p>', 'test.mail'],
    );
    assert.equal((await call('GET', '/api/v1/admin/mail/999999', admin)).status, 404);
  });

  it('is for super administrators only: its mails hold sign-in links of every account', async () => {
    const platformAdmin = await adminHeaders(kernel, 'platform_admin', ['main']);
    const refused = await call('GET', '/api/v1/admin/mail', platformAdmin);
    assert.deepEqual([refused.status, refused.body.code], [403, 'ORN_AUTH_FORBIDDEN']);
    const [first] = (await call('GET', '/api/v1/admin/mail', admin)).body.mails as Json[];
    assert.equal((await call('GET', `/api/v1/admin/mail/${first?.id}`, platformAdmin)).status, 403);
    const shop = await createTestVendor(kernel);
    assert.equal((await call('GET', '/api/v1/admin/mail', shop.headers)).status, 401);
  });
});
