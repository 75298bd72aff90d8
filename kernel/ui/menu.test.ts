import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grants } from '../auth/permissions.js';
import { defineMessages } from '../i18n/messages.js';
import { PluginSnapshot } from '../plugins/snapshot.js';
import { KERNEL_MENU } from './kernel-menu.js';
import { MenuRegistry, type MenuRequest } from './menu.js';

const plugins = [
  {
    id: 'catalog',
    menu: {
      vendor: [
        {
          id: 'products',
          label: 'Products',
          href: '/catalog/products',
          section: 'Catalogue',
          permission: 'catalog.view',
        },
        {
          id: 'import',
          label: 'Import',
          href: '/catalog/import',
          section: 'Catalogue',
          permission: 'catalog.import',
          order: 5,
        },
      ],
    },
  },
  {
    id: 'reviews',
    menu: { vendor: [{ id: 'reviews', label: 'Reviews', href: '/reviews' }] },
    messages: defineMessages({ 'menu.vendor.reviews': 'Reviews' }, { de: { 'menu.vendor.reviews': 'Bewertungen' } }),
  },
];

function snapshot(enabledOnOne: string[]): PluginSnapshot {
  return new PluginSnapshot(
    1,
    new Map(plugins.map((p) => [p.id, '1.0.0'])),
    new Map([[1, new Set(enabledOnOne)]]),
    new Set(),
  );
}

function build(enabled: string[], granted: string[], path = '/vendor/tea', language?: string) {
  const request: MenuRequest = {
    area: 'vendor',
    platformId: 1,
    snapshot: snapshot(enabled),
    can: (p) => grants(granted, p),
    root: '/vendor/tea',
    currentPath: path,
    language,
  };
  return new MenuRegistry(KERNEL_MENU, () => plugins).build(request);
}

const labels = (sections: ReturnType<typeof build>) => sections.map((s) => [s.title, s.items.map((i) => i.label)]);

describe('menu registry', () => {
  it("groups the kernel's and the enabled plugins' items in sections, sorted by order then label", () => {
    assert.deepEqual(labels(build(['catalog', 'reviews'], ['*'])), [
      ['Overview', ['Dashboard']],
      ['Shop', ['Team', 'Shop settings', 'Theme', 'API keys']],
      ['Account', ['Profile']],
      ['Catalogue', ['Import', 'Products']],
      ['Plugins', ['Reviews']],
    ]);
  });

  it('leaves out the items of a plugin disabled on the platform', () => {
    assert.deepEqual(labels(build(['reviews'], ['*'])), [
      ['Overview', ['Dashboard']],
      ['Shop', ['Team', 'Shop settings', 'Theme', 'API keys']],
      ['Account', ['Profile']],
      ['Plugins', ['Reviews']],
    ]);
  });

  it('leaves out items whose permission the user lacks, and sections left empty', () => {
    assert.deepEqual(labels(build(['catalog', 'reviews'], ['*.view', '!team.*'])), [
      ['Overview', ['Dashboard']],
      ['Shop', ['Shop settings', 'Theme']],
      ['Account', ['Profile']],
      ['Catalogue', ['Products']],
      ['Plugins', ['Reviews']],
    ]);
  });

  it('links below the area root and marks the current page', () => {
    const sections = build(['catalog'], ['*'], '/vendor/tea/catalog/products/12');
    const items = sections.flatMap((s) => s.items);
    assert.deepEqual(
      items.map((i) => [i.href, i.current]),
      [
        ['/vendor/tea', false],
        ['/vendor/tea/team', false],
        ['/vendor/tea/settings', false],
        ['/vendor/tea/theme', false],
        ['/vendor/tea/api-keys', false],
        ['/vendor/tea/profile', false],
        ['/vendor/tea/catalog/import', false],
        ['/vendor/tea/catalog/products', true],
      ],
    );
    assert.equal(build([], ['*'])[0]?.items[0]?.current, true, 'the dashboard at the root');
  });

  it("labels items and sections in the request's language, from the kernel's and the plugin's catalogues", () => {
    assert.deepEqual(labels(build(['catalog', 'reviews'], ['*'], '/vendor/tea', 'de')), [
      ['Übersicht', ['Übersicht']],
      ['Shop', ['Team', 'Shop-Einstellungen', 'Design', 'API-Schlüssel']],
      ['Konto', ['Profil']],
      ['Catalogue', ['Import', 'Products']],
      ['Plugins', ['Bewertungen']],
    ]);
  });
});
