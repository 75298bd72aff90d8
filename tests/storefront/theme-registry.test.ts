import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ThemeRegistry } from '../../kernel/themes/registry.js';
import { ThemeResolver } from '../../kernel/themes/resolve.js';

const manifest = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  name: id,
  version: '1.0.0',
  kernel: '^1.0.0',
  settings: { tokens: { 'color-bg': { type: 'color', label: 'Background', default: '#fff' } } },
  presets: [
    { id: `${id}-light`, name: 'Light', tokens: {} },
    { id: `${id}-dark`, name: 'Dark', tokens: { 'color-bg': '#000' } },
  ],
  ...more,
});

describe('theme registry and resolver', () => {
  let root: string;
  let dist: string;
  const registry = new ThemeRegistry();

  /** A theme package and its "compiled" code in temporary folders. */
  const write = (dir: string, orion: unknown) => {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify({ name: dir, orion }));
    fs.mkdirSync(path.join(dist, dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dist, dir, 'src', 'index.js'), 'export default { Layout: (p) => p.children };\n');
  };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-themes-'));
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-themes-dist-'));
    write('good', manifest('good', { preview: 'preview.svg' }));
    fs.writeFileSync(path.join(root, 'good', 'preview.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('outside', manifest('outside', { preview: '../good/preview.svg' }));
    write('future', manifest('future', { kernel: '^2.0.0' }));
    write('broken', manifest('broken', { presets: [{ id: 'x', name: 'X', tokens: { 'no-such-token': '#fff' } }] }));
    write('unsafe', {
      ...manifest('unsafe'),
      settings: { tokens: { a: { type: 'color', label: 'A', default: 'red;}' } } },
    });
    await registry.discover({ root, distRoot: dist, kernelVersion: '1.0.0' });
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('loads valid themes and leaves out a wrong kernel range, an unknown preset token and an unsafe value', () => {
    assert.deepEqual(
      registry.list().map((t) => t.manifest.id),
      ['good', 'outside'],
    );
  });

  it("reads a theme's preview image from its folder, and no file outside it", () => {
    assert.equal(registry.get('good')?.preview?.type, 'image/svg+xml');
    assert.match(new TextDecoder().decode(registry.get('good')?.preview?.bytes), /<svg/);
    assert.equal(registry.get('outside')?.preview, undefined);
  });

  it('resolves a preset into CSS variables, and caches per vendor until the settings object changes', () => {
    const resolver = new ThemeResolver(registry);
    const vendor = { id: 1, theme: { id: 'good', preset: 'good-dark' } as Record<string, unknown> };
    const first = resolver.resolve(vendor);
    assert.match(first?.css ?? '', /:root\{--color-bg:#000;\}/);
    assert.equal(resolver.resolve(vendor), first, 'the same settings object: cached');
    vendor.theme = { id: 'good', preset: 'good-light' }; // what a registry reload after a change hands out
    const second = resolver.resolve(vendor);
    assert.notEqual(second, first);
    assert.match(second?.css ?? '', /--color-bg:#fff;/);
  });
});
