import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestPlatform, createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from '../ui/form-session.js';
import { setTheme, shopPath, startShopKernel } from './support.js';

/** A session on one platform's host: every request (and the sign-in) carries its Host header. */
class HostSession {
  readonly session: FormSession;
  constructor(
    kernel: TestKernel,
    readonly host: string,
  ) {
    this.session = new FormSession(kernel);
  }
  get(path: string) {
    return this.session.get(path, { host: this.host });
  }
  post(path: string, fields: Record<string, string>) {
    return this.session.post(path, fields, { headers: { host: this.host } });
  }
  async signIn(loginPath: string, email: string, password: string) {
    await this.get(loginPath);
    return this.post(loginPath, { email, password });
  }
}

describe('theme per platform membership', () => {
  let kernel: TestKernel;
  let code: string;
  let onMain: HostSession;
  let onSecond: HostSession;
  let single: HostSession;
  let singleCode: string;
  const MAIN = 'localhost';
  const SECOND = 'second.test';
  const editor = () => `/vendor/${code}/theme`;
  const home = async (host: string, vendorCode = code) =>
    (await kernel.request(shopPath(vendorCode), { headers: { host } })).text();
  const form = (theme: string, action: string) => ({
    theme,
    headerLayout: 'standard',
    sectionCount: '1',
    'section.0.type': 'hero',
    customCss: '',
    action,
  });

  before(async () => {
    kernel = await startShopKernel();
    await createTestPlatform(kernel, 'second', SECOND);
    // The catalog gives the home page its ETag there too.
    await enablePlugins(kernel, ['catalog', 'inventory'], 'second');
    const vendor = await createTestVendor(kernel, { platforms: ['main', 'second'] });
    code = vendor.code;
    await setTheme(kernel, vendor.id, { id: 'classic', preset: 'classic-navy' });
    onMain = new HostSession(kernel, MAIN);
    onSecond = new HostSession(kernel, SECOND);
    assert.equal((await onMain.signIn(`/vendor/${code}/login`, vendor.ownerEmail, vendor.ownerPassword)).status, 303);
    assert.equal((await onSecond.signIn(`/vendor/${code}/login`, vendor.ownerEmail, vendor.ownerPassword)).status, 303);
    const other = await createTestVendor(kernel);
    singleCode = other.code;
    single = new HostSession(kernel, MAIN);
    assert.equal(
      (await single.signIn(`/vendor/${singleCode}/login`, other.ownerEmail, other.ownerPassword)).status,
      303,
    );
  });
  after(() => kernel.stop());

  it('offers no choice to a vendor on one platform', async () => {
    const page = await single.get(`/vendor/${singleCode}/theme`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /data-theme-source/);
    assert.doesNotMatch(page.html, /value="source:own"/);
  });

  it("starts with the shop's theme on both platforms and offers the choice", async () => {
    assert.match(await home(MAIN), /sf-theme-classic sf-preset-classic-navy/);
    assert.match(await home(SECOND), /sf-theme-classic sf-preset-classic-navy/);
    const page = await onSecond.get(editor());
    assert.equal(page.status, 200);
    assert.match(page.html, /data-theme-source="shop"/);
    assert.match(page.html, /This platform uses:/);
    assert.match(page.html, /value="source:shop"[^>]*aria-pressed="true"/);
  });

  it('gives platform 2 its own theme: publishing there leaves platform 1 on the shop theme', async () => {
    await onSecond.get(editor());
    const chosen = await onSecond.post(editor(), form('classic:classic-navy', 'source:own'));
    assert.equal(chosen.status, 303);
    const page = await onSecond.get(editor());
    assert.match(page.html, /data-theme-source="own"/);
    // The copy looks like the shop's until something is published.
    const before = await kernel.request(shopPath(code), { headers: { host: SECOND } });
    assert.match(await before.text(), /sf-theme-classic sf-preset-classic-navy/);
    const etag = before.headers.get('etag') ?? '';
    assert.ok(etag, 'the home page has a validator');

    assert.equal((await onSecond.post(editor(), form('bold:bold-neon', 'publish'))).status, 303);
    assert.match(await home(SECOND), /sf-theme-bold sf-preset-bold-neon/);
    assert.match(await home(MAIN), /sf-theme-classic sf-preset-classic-navy/);
    const revalidated = await kernel.request(shopPath(code), { headers: { host: SECOND, 'if-none-match': etag } });
    assert.equal(revalidated.status, 200, "the platform's new theme changes the page's ETag");

    // Publishing on platform 1 changes the shop's theme only.
    await onMain.get(editor());
    assert.match((await onMain.get(editor())).html, /data-theme-source="shop"/);
    assert.equal((await onMain.post(editor(), form('minimal:minimal-sand', 'publish'))).status, 303);
    assert.match(await home(MAIN), /sf-theme-minimal sf-preset-minimal-sand/);
    assert.match(await home(SECOND), /sf-theme-bold sf-preset-bold-neon/);

    const audits = await asSystem(kernel, (db) =>
      db('audit_log').whereIn('action', ['vendor.theme.source_changed', 'vendor.theme.published']).select('action'),
    );
    assert.ok(audits.some((a) => a.action === 'vendor.theme.source_changed'));
    assert.equal(audits.filter((a) => a.action === 'vendor.theme.published').length, 2);
  });

  it("returns platform 2 to the shop's theme when the choice is cleared", async () => {
    await onSecond.get(editor());
    assert.equal((await onSecond.post(editor(), form('bold:bold-neon', 'source:shop'))).status, 303);
    assert.match(await home(SECOND), /sf-theme-minimal sf-preset-minimal-sand/);
    assert.match((await onSecond.get(editor())).html, /data-theme-source="shop"/);
    const row = await asSystem(kernel, (db) =>
      db('vendor_platforms as vp')
        .join('platforms as p', 'p.id', 'vp.platform_id')
        .where({ 'p.code': 'second' })
        .first('vp.theme'),
    );
    assert.equal(row?.theme, null);
  });
});
