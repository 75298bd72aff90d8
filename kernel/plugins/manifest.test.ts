import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeIssues, parseManifest, settingsValidator } from './manifest.js';

const SOURCE = 'plugins/catalog/package.json';
const manifest = (overrides: Record<string, unknown> = {}) => ({
  id: 'catalog',
  version: '1.2.0',
  displayName: 'Catalog',
  category: 'core',
  kernel: '^1.0.0',
  ...overrides,
});
const parse = (orion: unknown, pkg: Record<string, unknown> = {}) => parseManifest({ ...pkg, orion }, SOURCE);
const errorOf = (orion: unknown, pkg: Record<string, unknown> = {}) => {
  const result = parse(orion, pkg);
  assert.equal(result.ok, false, 'expected the manifest to be refused');
  return result.ok ? '' : result.error;
};

describe('parseManifest', () => {
  it('accepts a minimal manifest and fills in the defaults', () => {
    const result = parse(manifest(), { name: '@orion/plugin-catalog', version: '1.2.0' });
    assert.ok(result.ok);
    assert.deepEqual(result.manifest, {
      ...manifest(),
      description: '',
      dependencies: {},
      permissions: [],
      settings: {},
    });
  });

  it('accepts optionalDependencies and checks their ids and ranges like dependencies', () => {
    const result = parse(manifest({ optionalDependencies: { inventory: '^1.0.0' } }));
    assert.ok(result.ok);
    assert.deepEqual(result.manifest.optionalDependencies, { inventory: '^1.0.0' });
    assert.match(errorOf(manifest({ optionalDependencies: { Inventory: '^1.0.0' } })), /orion\.optionalDependencies/);
  });

  it('names the plugin, the file, the field and the value in one line', () => {
    const error = errorOf(manifest({ version: 'one' }));
    assert.equal(
      error,
      'plugin "catalog" (plugins/catalog/package.json): orion.version must be a semver version such as 1.2.3 (got "one")',
    );
    assert.doesNotMatch(error, /\n/);
  });

  it('refuses an id the kernel uses in its URLs, which the plugin would hide', () => {
    assert.match(errorOf(manifest({ id: 'team' })), /orion\.id is used by the kernel in its URLs: pick another id/);
  });

  it('names the package when the plugin id itself is unreadable, and the file when there is no name either', () => {
    assert.match(
      errorOf(manifest({ id: 'Catalog' }), { name: '@orion/plugin-catalog' }),
      /^package "@orion\/plugin-catalog" \(plugins\/catalog\/package.json\): orion.id must be a kebab-case id/,
    );
    assert.match(
      errorOf(manifest({ id: 'a'.repeat(41) })),
      /^plugins\/catalog\/package.json: orion.id must be at most 40/,
    );
  });

  it('explains each field that is missing or wrong', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ displayName: undefined }, /orion.displayName is required/],
      [{ displayName: '  ' }, /orion.displayName must not be empty/],
      [{ description: 3 }, /orion.description must be a string \(got 3\)/],
      [{ category: 'misc' }, /orion.category must be one of core, optional, internal \(got "misc"\)/],
      [{ kernel: 'soon' }, /orion.kernel must be a semver range such as \^1.0.0 \(got "soon"\)/],
      [{ kernel: '' }, /orion.kernel must be a semver range/],
      [{ dependencies: { payments: 'latest' } }, /orion.dependencies.payments must be a semver range/],
      [{ dependencies: { Payments: '^1.0.0' } }, /orion.dependencies key "Payments" must be a kebab-case id/],
      [{ dependencies: { catalog: '^1.0.0' } }, /orion.dependencies.catalog names the plugin itself/],
      [{ dependencies: [] }, /orion.dependencies must be an object/],
      [{ permissions: 'all' }, /orion.permissions must be an array \(got "all"\)/],
      [
        { settings: { 'page-size': { type: 'number', label: 'x' } } },
        /orion.settings key "page-size" must be a camelCase/,
      ],
      [{ extra: true }, /orion.extra is not a known field/],
    ];
    for (const [overrides, expected] of cases) {
      const error = errorOf(manifest(overrides));
      assert.match(error, /^plugin "catalog" \(plugins\/catalog\/package.json\): /);
      assert.match(error, expected);
    }
  });

  it('lists every problem on the same line', () => {
    const error = errorOf(manifest({ version: 'x', category: 'misc' }));
    assert.match(error, /orion.version .+; orion.category /);
  });

  it('requires permissions to be prefixed with the plugin id and listed once', () => {
    const permissions = [
      { id: 'orders.manage', description: 'Not ours' },
      { id: 'catalog.manage', description: 'Ours' },
      { id: 'catalog.manage', description: 'Again' },
    ];
    const error = errorOf(manifest({ permissions }));
    assert.match(
      error,
      /orion.permissions\[0\].id must be "catalog." followed by a lower-case name.+\(got "orders.manage"\)/,
    );
    assert.match(error, /orion.permissions\[2\].id repeats a permission listed earlier/);
    assert.ok(parse(manifest({ permissions: [{ id: 'catalog.products_write', description: '' }] })).ok);
  });

  it('checks setting specs, including that a default passes its own rules', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { type: 'text', label: 'x' },
        /orion.settings.s.type must be one of string, number, boolean, enum \(got "text"\)/,
      ],
      [{ type: 'enum', label: 'x', options: [] }, /orion.settings.s.options must list at least one option/],
      [
        { type: 'enum', label: 'x', options: ['s', 'm'], default: 'xl' },
        /orion.settings.s.default must be one of s, m/,
      ],
      [{ type: 'number', label: 'x', min: 5, max: 1 }, /orion.settings.s.max must not be less than min \(5\)/],
      [{ type: 'number', label: 'x', max: 10, default: 11 }, /orion.settings.s.default must be at most 10 \(got 11\)/],
      [{ type: 'number', label: 'x', integer: true, default: 1.5 }, /orion.settings.s.default must be a whole number/],
      [{ type: 'string', label: 'x', pattern: '(' }, /orion.settings.s.pattern must be a valid regular expression/],
      [{ type: 'string', label: 'x', maxLength: 2, default: 'abc' }, /orion.settings.s.default must be at most 2/],
      [{ type: 'boolean', label: 'x', default: 'yes' }, /orion.settings.s.default must be a boolean \(got "yes"\)/],
      [{ type: 'boolean', label: '' }, /orion.settings.s.label must not be empty/],
      [{ type: 'boolean', label: 'x', min: 1 }, /orion.settings.s.min is not a known field/],
    ];
    for (const [spec, expected] of cases) assert.match(errorOf(manifest({ settings: { s: spec } })), expected);
  });

  it('refuses a package.json version that differs from orion.version', () => {
    assert.equal(
      errorOf(manifest(), { version: '1.3.0' }),
      'plugin "catalog" (plugins/catalog/package.json): orion.version must equal the package.json version 1.3.0 (got "1.2.0")',
    );
  });

  it('says when a package is not an Orion plugin or not a JSON object', () => {
    assert.deepEqual(parseManifest({ name: 'left-pad' }, SOURCE), {
      ok: false,
      error: 'plugins/catalog/package.json: not an Orion plugin: no orion field',
    });
    assert.match(errorOf(5), /orion must be an object \(got 5\)/);
    assert.deepEqual(parseManifest([], SOURCE), {
      ok: false,
      error: 'plugins/catalog/package.json: package.json must be a JSON object',
    });
  });
});

describe('settingsValidator', () => {
  const result = parse(
    manifest({
      settings: {
        pageSize: { type: 'number', label: 'Page size', default: 24, min: 1, max: 100, integer: true },
        currency: { type: 'enum', label: 'Currency', options: ['EUR', 'USD'], default: 'EUR' },
        banner: { type: 'string', label: 'Banner', maxLength: 10 },
        showStock: { type: 'boolean', label: 'Show stock', default: true },
      },
    }),
  );
  assert.ok(result.ok);
  const validator = settingsValidator(result.manifest.settings);

  it('fills in defaults for missing keys and leaves keys without a default out', () => {
    assert.deepEqual(validator.parse({}), { pageSize: 24, currency: 'EUR', showStock: true });
    assert.deepEqual(validator.parse({ pageSize: 50, banner: 'Sale!' }), {
      pageSize: 50,
      currency: 'EUR',
      banner: 'Sale!',
      showStock: true,
    });
  });

  it('refuses values outside the declared options, bounds and lengths', () => {
    const refused = (values: Record<string, unknown>) => !validator.safeParse(values).success;
    assert.ok(refused({ currency: 'GBP' }));
    assert.ok(refused({ pageSize: 0 }));
    assert.ok(refused({ pageSize: 101 }));
    assert.ok(refused({ pageSize: 2.5 }));
    assert.ok(refused({ pageSize: '24' }));
    assert.ok(refused({ banner: 'far too long here' }));
    assert.ok(refused({ showStock: 'yes' }));
  });

  it('refuses keys the manifest does not declare, with a message naming each key', () => {
    const values = { pageSize: 101, colour: 'red' };
    const result = validator.safeParse(values);
    assert.ok(!result.success);
    assert.equal(
      describeIssues(result.error.issues, values, 'settings'),
      'settings.pageSize must be at most 100 (got 101); settings.colour is not a known field',
    );
  });
});
