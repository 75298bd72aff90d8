import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestTeamMember,
  createTestVendor,
  enablePlugins,
  missingEnglishKeys,
  pluginPackageDir,
  strayKeys,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { messages } from '../src/locales/index.js';
import { API, call, createVariant, levelOf, startInventoryKernel } from './helpers.js';

describe('inventory: vendor pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;
  let mug: number;
  let otherVariant: number;
  let defaultLocation: number;
  let pages: string;
  const auth = (v: TestVendor) => ({ authorization: v.headers.authorization as string });
  const page = (url: string, headers: Record<string, string> = {}, v = shop) =>
    kernel.request(url.startsWith('/vendor') ? url : `${pages}${url}`, { headers: { ...auth(v), ...headers } });
  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}, v = shop) =>
    kernel.request(`${url.startsWith('/vendor') ? '' : pages}${url}`, {
      method: 'POST',
      headers: { ...auth(v), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const historyOf = async (variantId: number) =>
    (await call(kernel, 'GET', `${API}/stock/${variantId}/adjustments`, shop.headers)).body.adjustments as {
      reason: string;
      note: string | null;
      onHandAfter: number;
      actor: string;
    }[];

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    shop = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    other = await createTestVendor(kernel);
    pages = `/vendor/${shop.code}/inventory`;
    mug = await createVariant(kernel, shop.headers, 'Blue mug');
    await call(kernel, 'POST', `${API}/stock/${mug}/adjustments`, shop.headers, { delta: 10, reason: 'received' });
    await call(kernel, 'PUT', `${API}/stock/${mug}/threshold`, shop.headers, { lowStockThreshold: 3 });
    defaultLocation = (await levelOf(kernel, shop.headers, mug)).locationId;
    otherVariant = await createVariant(kernel, other.headers, 'Secret');
    await call(kernel, 'POST', `${API}/stock/${otherVariant}/adjustments`, other.headers, {
      delta: 7,
      reason: 'received',
    });
  });
  after(() => kernel.stop());

  it('lists stock per variant and location, with an edit link and the history link', async () => {
    const res = await page('');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Stock<\/h1>/);
    assert.match(html, /Blue mug/);
    assert.match(html, /Main warehouse/);
    assert.match(html, new RegExp(`id="stock-${mug}-${defaultLocation}"`));
    assert.match(html, new RegExp(`/stock/${mug}/${defaultLocation}/edit`));
    assert.doesNotMatch(html, /Secret/, "another vendor's stock is not listed");
  });

  it('edits on-hand stock inline with htmx: the row comes back changed and the history has the reason', async () => {
    const edit = await page(`/stock/${mug}/${defaultLocation}/edit`, { 'hx-request': 'true' });
    assert.equal(edit.status, 200);
    const form = await edit.text();
    assert.match(form, /^<tr id="stock-/, 'htmx gets the row alone');
    assert.match(form, /name="onHand"/);

    const res = await post(
      `/stock/${mug}/${defaultLocation}`,
      { onHand: '2', reason: 'damaged', note: 'Dropped box' },
      {
        'hx-request': 'true',
      },
    );
    assert.equal(res.status, 200);
    const row = await res.text();
    assert.match(
      row,
      new RegExp(`^<tr id="stock-${mug}-${defaultLocation}" class="bg-yellow-50"`),
      'now low: highlighted',
    );
    assert.match(row, />Low</);
    assert.equal((await levelOf(kernel, shop.headers, mug)).onHand, 2);
    const [last] = await historyOf(mug);
    assert.equal(last?.reason, 'damaged');
    assert.equal(last?.note, 'Dropped box');
    assert.equal(last?.onHandAfter, 2);
    assert.match(last?.actor ?? '', /@/, 'the team member is the actor');
  });

  it('saves without JavaScript: the form posts and redirects with a message', async () => {
    const page1 = await page(`/stock/${mug}/${defaultLocation}/edit`);
    assert.match(await page1.text(), /<html/);
    const res = await post(`/stock/${mug}/${defaultLocation}`, { onHand: '12', reason: 'count' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), pages);
    assert.equal((await levelOf(kernel, shop.headers, mug)).onHand, 12);
  });

  it('re-renders an invalid quantity with its error (422) and changes nothing', async () => {
    const before = (await historyOf(mug)).length;
    for (const onHand of ['-1', 'many', '2.5', '']) {
      const res = await post(`/stock/${mug}/${defaultLocation}`, { onHand, reason: 'count' }, { 'hx-request': 'true' });
      assert.equal(res.status, 422, `onHand ${JSON.stringify(onHand)}`);
      const html = await res.text();
      assert.match(html, /Enter a whole number from 0 to 10,000,000\./);
      assert.match(html, /aria-invalid="true"/);
    }
    const noJs = await post(`/stock/${mug}/${defaultLocation}`, { onHand: '5', reason: 'stolen' });
    assert.equal(noJs.status, 422);
    assert.match(await noJs.text(), /Choose a reason\./);
    assert.equal((await levelOf(kernel, shop.headers, mug)).onHand, 12);
    assert.equal((await historyOf(mug)).length, before, 'no history row');
  });

  it('refuses to count less than is reserved, with the reason inline', async () => {
    await call(kernel, 'POST', `${API}/reservations`, shop.headers, {
      orderRef: 'o-1',
      lines: [{ variantId: mug, quantity: 4 }],
    });
    const res = await post(`/stock/${mug}/${defaultLocation}`, { onHand: '1', reason: 'count' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /4 units are reserved for orders/);
    assert.equal((await levelOf(kernel, shop.headers, mug)).onHand, 12);
  });

  it('shows the history filtered by variant and location, with actor and reason, in pages', async () => {
    const res = await page(`/history?variant=${mug}&location=${defaultLocation}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Damaged/);
    assert.match(html, /Dropped box/);
    assert.match(html, /Stock count/);
    assert.match(html, /\+10/);
    const none = await (await page(`/history?variant=${otherVariant}`)).text();
    assert.match(none, /No adjustment matches\./, "another vendor's variant shows no history");
    for (let i = 0; i < 26; i++) {
      await call(kernel, 'POST', `${API}/stock/${mug}/adjustments`, shop.headers, { delta: 1, reason: 'returned' });
    }
    const first = await (await page(`/history?variant=${mug}`)).text();
    assert.match(first, /1–25 of 29/);
    assert.match(first, new RegExp(`history\\?variant=${mug}&amp;page=2`));
    assert.match(await (await page(`/history?variant=${mug}&page=2`)).text(), /26–29 of 29/);
  });

  it('adds, renames and sets the default location; a duplicate name is refused inline', async () => {
    const created = await post('/locations', { name: 'Shop floor' });
    assert.equal(created.status, 303);
    const list = await (await page('/locations')).text();
    assert.match(list, /Shop floor/);
    const id = Number(/id="location-(\d+)"[\s\S]*?Shop floor/.exec(list.slice(list.indexOf('<tbody')))?.[1]);
    const dup = await post('/locations', { name: 'Main warehouse' });
    assert.equal(dup.status, 422);
    assert.match(await dup.text(), /already has a location with this name/);
    const empty = await post(`/locations/${id}`, { name: '  ' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Enter a name of 1 to 120 characters\./);
    assert.equal((await post(`/locations/${id}`, { name: 'Front shop' })).status, 303);
    assert.equal((await post(`/locations/${id}/default`, {})).status, 303);
    const locations = (await call(kernel, 'GET', `${API}/locations`, shop.headers)).body.locations as {
      id: number;
      name: string;
      isDefault: boolean;
    }[];
    assert.deepEqual(
      locations.filter((l) => l.isDefault).map((l) => l.name),
      ['Front shop'],
    );
  });

  it('adds stock for a variant that has none: pick it, then count it', async () => {
    const bowl = await createVariant(kernel, shop.headers, 'Green bowl');
    const picker = await (await page('/stock/new')).text();
    assert.match(picker, new RegExp(`<option value="${bowl}">[^<]*Green bowl`));
    assert.doesNotMatch(picker, new RegExp(`<option value="${mug}">`), 'a stocked variant is not offered');
    assert.doesNotMatch(picker, /Secret/, "another vendor's variant is not offered");
    const go = await page(`/stock/new?variant=${bowl}&location=${defaultLocation}`);
    assert.equal(go.status, 303);
    assert.equal(go.headers.get('location'), `${pages}/stock/${bowl}/${defaultLocation}/edit`);
    const res = await post(`/stock/${bowl}/${defaultLocation}`, { onHand: '8', reason: 'received' });
    assert.equal(res.status, 303);
    assert.equal((await levelOf(kernel, shop.headers, bowl)).onHand, 8);
    assert.match(await (await page('')).text(), /Green bowl/);
  });

  it("answers 404 for another vendor's stock and locations, and changes nothing", async () => {
    const theirs = (await levelOf(kernel, other.headers, otherVariant)).locationId;
    assert.equal((await page(`/stock/${otherVariant}/${theirs}/edit`)).status, 404);
    assert.equal((await page(`/stock/${otherVariant}/${defaultLocation}/edit`)).status, 404);
    assert.equal((await page(`/stock/${mug}/${theirs}/edit`)).status, 404);
    assert.equal((await post(`/stock/${otherVariant}/${theirs}`, { onHand: '0', reason: 'lost' })).status, 404);
    assert.equal((await post(`/locations/${theirs}`, { name: 'Mine' })).status, 404);
    assert.equal((await post(`/locations/${theirs}/default`, {})).status, 404);
    assert.equal((await levelOf(kernel, other.headers, otherVariant)).onHand, 7);
  });

  it('lets a viewer see stock but not change it: no edit links, and a posted change is refused', async () => {
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    const onHand = (await levelOf(kernel, shop.headers, mug)).onHand;
    const asViewer = { authorization: viewer.headers.authorization as string };
    const html = await (await kernel.request(pages, { headers: asViewer })).text();
    assert.match(html, /Blue mug/);
    assert.doesNotMatch(html, /\/edit"/);
    assert.doesNotMatch(html, /Add stock/);
    const res = await kernel.request(`${pages}/stock/${mug}/${defaultLocation}`, {
      method: 'POST',
      headers: { ...asViewer, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'onHand=0&reason=lost',
    });
    assert.equal(res.status, 403);
    assert.equal((await levelOf(kernel, shop.headers, mug)).onHand, onHand);
  });

  it('speaks French and German, and English has every key the pages use', async () => {
    assert.match(await (await page('', { 'accept-language': 'fr' })).text(), /Stock bas uniquement/);
    assert.match(await (await page('/locations', { 'accept-language': 'de' })).text(), /Lagerort hinzufügen/);
    assert.deepEqual(missingEnglishKeys(messages, path.join(pluginPackageDir(import.meta.url), 'src')), []);
    assert.deepEqual(strayKeys(messages, 'fr'), []);
    assert.deepEqual(strayKeys(messages, 'de'), []);
  });
});
