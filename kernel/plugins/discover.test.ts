import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DIST, ROOT } from '../paths.js';
import { discoverPlugins } from './discover.js';

const FIXTURES = path.join(fs.realpathSync(ROOT), 'tests/fixtures/plugin-packages');
const LOCAL = path.join(FIXTURES, 'local');
const NODE_MODULES = path.join(FIXTURES, 'node_modules-fixture');

const ids = (found: Array<{ manifest: { id: string } }>) => found.map((p) => p.manifest.id);

describe('discoverPlugins', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'orion-discover-')));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the valid packages under a root, sorted by folder name, with their compiled entry in dist', async () => {
    const { found } = await discoverPlugins({ roots: [LOCAL] });
    assert.deepEqual(ids(found), ['catalog', 'gift-cards']);
    const [catalog] = found;
    assert.deepEqual(catalog, {
      manifest: catalog!.manifest,
      dir: path.join(LOCAL, 'catalog'),
      entry: path.join(DIST, 'tests/fixtures/plugin-packages/local/catalog/src/index.js'),
      migrationsDir: path.join(DIST, 'tests/fixtures/plugin-packages/local/catalog/migrations'),
      packageName: '@orion/plugin-catalog',
      source: 'local',
    });
    assert.equal(catalog!.manifest.version, '1.2.0');
    assert.deepEqual(found[1]!.manifest.dependencies, { catalog: '^1.0.0' });
  });

  it('reports a bad manifest, a package without orion field and a duplicate id, and keeps the others', async () => {
    const { problems } = await discoverPlugins({ roots: [LOCAL] });
    assert.deepEqual(
      problems.map((p) => [path.basename(p.dir), p.code, p.pluginId]),
      [
        ['broken', 'ORN_PLUGIN_MANIFEST_INVALID', 'broken'],
        ['not-a-plugin', 'ORN_PLUGIN_NOT_A_PLUGIN', undefined],
        ['zz-catalog-copy', 'ORN_PLUGIN_DUPLICATE_ID', 'catalog'],
      ],
    );
    assert.equal(
      problems[0]!.message,
      'plugin "broken" (tests/fixtures/plugin-packages/local/broken/package.json): ' +
        'orion.version must be a semver version such as 1.2.3 (got "one")',
    );
    assert.equal(
      problems[1]!.message,
      'tests/fixtures/plugin-packages/local/not-a-plugin/package.json: not an Orion plugin: no orion field',
    );
    assert.equal(
      problems[2]!.message,
      'plugin "catalog" in tests/fixtures/plugin-packages/local/zz-catalog-copy is left out: ' +
        'tests/fixtures/plugin-packages/local/catalog already provides plugin "catalog"',
    );
  });

  it('ignores a subfolder without package.json and a root that does not exist', async () => {
    const { found, problems } = await discoverPlugins({ roots: [path.join(FIXTURES, 'missing'), LOCAL] });
    assert.equal(found.length, 2);
    assert.ok(!problems.some((p) => p.dir.endsWith('notes')));
  });

  it('adds folders from configuration after the roots', async () => {
    const { found } = await discoverPlugins({ roots: [LOCAL], extraDirs: [path.join(FIXTURES, 'extra/orders')] });
    assert.deepEqual(ids(found), ['catalog', 'gift-cards', 'orders']);
    assert.equal(found[2]!.source, 'config');
    assert.equal(found[2]!.entry, path.join(DIST, 'tests/fixtures/plugin-packages/extra/orders/src/index.js'));
  });

  it('finds npm packages with the orion-plugin keyword, scoped or not, and uses their main file', async () => {
    const { found, problems } = await discoverPlugins({ roots: [], nodeModules: NODE_MODULES });
    assert.deepEqual(ids(found), ['reviews', 'wishlist']);
    assert.deepEqual(problems, []);
    const [reviews, wishlist] = found;
    assert.equal(reviews!.packageName, '@acme/orion-reviews');
    assert.equal(reviews!.source, 'npm');
    assert.equal(reviews!.entry, path.join(NODE_MODULES, '@acme/orion-reviews/lib/main.js'));
    assert.equal(reviews!.migrationsDir, path.join(NODE_MODULES, '@acme/orion-reviews/dist/migrations'));
    assert.equal(wishlist!.entry, path.join(NODE_MODULES, 'orion-wishlist/dist/index.js'));
  });

  it('keeps the first of two packages with the same id, in the order roots, configuration, npm', async () => {
    const copy = path.join(tmp, 'reviews-copy');
    fs.mkdirSync(copy);
    const orion = { id: 'reviews', version: '9.0.0', displayName: 'Copy', category: 'optional', kernel: '*' };
    fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ name: 'reviews-copy', orion }));
    const { found, problems } = await discoverPlugins({ roots: [], extraDirs: [copy], nodeModules: NODE_MODULES });
    assert.deepEqual(
      found.map((p) => [p.manifest.id, p.source]),
      [
        ['reviews', 'config'],
        ['wishlist', 'npm'],
      ],
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'ORN_PLUGIN_DUPLICATE_ID');
    assert.match(problems[0]!.message, new RegExp(`node_modules-fixture/@acme/orion-reviews is left out: ${copy}`));
  });

  it('resolves a package outside the repository through its main file', async () => {
    const outside = path.join(tmp, 'loyalty');
    fs.mkdirSync(outside);
    const orion = { id: 'loyalty', version: '1.0.0', displayName: 'Loyalty', category: 'optional', kernel: '^1.0.0' };
    fs.writeFileSync(path.join(outside, 'package.json'), JSON.stringify({ main: 'build/plugin.js', orion }));
    const { found } = await discoverPlugins({ roots: [], extraDirs: [outside] });
    assert.equal(found[0]!.entry, path.join(outside, 'build/plugin.js'));
    assert.equal(found[0]!.migrationsDir, path.join(outside, 'dist/migrations'));
    assert.equal(found[0]!.packageName, 'loyalty');
  });

  it('reports unreadable JSON and a configured folder that does not exist without throwing', async () => {
    const bad = path.join(tmp, 'bad-json');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'package.json'), '{ "name": ');
    const missing = path.join(tmp, 'nowhere');
    const { found, problems } = await discoverPlugins({ roots: [LOCAL], extraDirs: [bad, missing] });
    assert.equal(found.length, 2);
    const unreadable = problems.filter((p) => p.code === 'ORN_PLUGIN_PACKAGE_UNREADABLE');
    assert.deepEqual(
      unreadable.map((p) => p.dir),
      [bad, missing],
    );
    assert.match(unreadable[0]!.message, /bad-json\/package.json cannot be read: not valid JSON/);
    assert.match(unreadable[1]!.message, /nowhere\/package.json cannot be read: no such file/);
  });

  it('compiles paths against the injected repository and dist folders', async () => {
    const out = path.join(tmp, 'out');
    const { found } = await discoverPlugins({ roots: ['local'], repoRoot: FIXTURES, distRoot: out });
    assert.equal(found[0]!.entry, path.join(out, 'local/catalog/src/index.js'));
    assert.equal(found[0]!.migrationsDir, path.join(out, 'local/catalog/migrations'));
  });
});
