import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DependencyGraph,
  dependenciesClosure,
  dependentsClosure,
  type GraphPlugin,
  resolveGraph,
} from './graph.js';

const plugin = (id: string, dependencies: Record<string, string> = {}, version = '1.0.0', kernel = '^1.0.0') =>
  ({ id, version, kernel, dependencies }) satisfies GraphPlugin;
const KERNEL = '1.0.0';

describe('resolveGraph', () => {
  const shop = [
    plugin('reviews', { catalog: '^1.0.0' }),
    plugin('orders', { catalog: '^1.0.0', payments: '^1.0.0' }),
    plugin('payments', { catalog: '^1.0.0' }, '1.4.0'),
    plugin('catalog'),
    plugin('alpha'),
  ];

  it('orders dependencies before dependents and breaks ties alphabetically, whatever the input order', () => {
    const expected = ['alpha', 'catalog', 'payments', 'orders', 'reviews'];
    assert.deepEqual(resolveGraph(shop, KERNEL), { order: expected, excluded: [] });
    assert.deepEqual(resolveGraph([...shop].reverse(), KERNEL).order, expected);
  });

  it('leaves out a plugin whose kernel range this kernel does not satisfy', () => {
    const { order, excluded } = resolveGraph([plugin('x', {}, '1.0.0', '^2.0.0'), plugin('y')], KERNEL);
    assert.deepEqual(order, ['y']);
    assert.deepEqual(excluded, [
      {
        id: 'x',
        code: 'ORN_PLUGIN_KERNEL_INCOMPATIBLE',
        reason: 'plugin "x" 1.0.0 needs kernel ^2.0.0, this kernel is 1.0.0',
      },
    ]);
  });

  it('accepts prerelease versions of the kernel and of dependencies inside a plain range', () => {
    const { order } = resolveGraph([plugin('a', { b: '^1.0.0' }), plugin('b', {}, '1.1.0-beta.1')], '1.1.0-rc.1');
    assert.deepEqual(order, ['b', 'a']);
  });

  it('leaves out a plugin whose dependency is not present', () => {
    const { excluded } = resolveGraph([plugin('orders', { payments: '^1.0.0' })], KERNEL);
    assert.deepEqual(excluded, [
      {
        id: 'orders',
        code: 'ORN_PLUGIN_DEPENDENCY_MISSING',
        reason: 'plugin "orders" 1.0.0 needs "payments" ^1.0.0, which is not present',
      },
    ]);
  });

  it('leaves out a plugin whose dependency has a version outside its range', () => {
    const { order, excluded } = resolveGraph(
      [plugin('orders', { payments: '^2.0.0' }), plugin('payments', {}, '1.4.0')],
      KERNEL,
    );
    assert.deepEqual(order, ['payments']);
    assert.deepEqual(excluded, [
      {
        id: 'orders',
        code: 'ORN_PLUGIN_DEPENDENCY_INCOMPATIBLE',
        reason: 'plugin "orders" 1.0.0 needs "payments" ^2.0.0, found 1.4.0',
      },
    ]);
  });

  it('leaves out every plugin of a cycle, naming the cycle, and the plugins that depend on it', () => {
    const { order, excluded } = resolveGraph(
      [plugin('a', { b: '^1.0.0' }), plugin('b', { a: '^1.0.0' }), plugin('c', { a: '^1.0.0' }), plugin('d')],
      KERNEL,
    );
    assert.deepEqual(order, ['d']);
    assert.deepEqual(excluded, [
      {
        id: 'a',
        code: 'ORN_PLUGIN_DEPENDENCY_CYCLE',
        reason: 'plugin "a" 1.0.0 is part of a dependency cycle: a 1.0.0 -> b 1.0.0 -> a 1.0.0',
      },
      {
        id: 'b',
        code: 'ORN_PLUGIN_DEPENDENCY_CYCLE',
        reason: 'plugin "b" 1.0.0 is part of a dependency cycle: b 1.0.0 -> a 1.0.0 -> b 1.0.0',
      },
      {
        id: 'c',
        code: 'ORN_PLUGIN_DEPENDENCY_EXCLUDED',
        reason:
          'plugin "c" needs "a", which was left out: ' +
          'plugin "a" 1.0.0 is part of a dependency cycle: a 1.0.0 -> b 1.0.0 -> a 1.0.0',
      },
    ]);
  });

  it('names the shortest cycle through each plugin of a longer loop', () => {
    const { excluded } = resolveGraph(
      [plugin('a', { b: '*' }), plugin('b', { c: '*' }), plugin('c', { a: '*' }), plugin('self', { self: '*' })],
      KERNEL,
    );
    assert.deepEqual(
      excluded.map((e) => e.reason.split(': ')[1]),
      [
        'a 1.0.0 -> b 1.0.0 -> c 1.0.0 -> a 1.0.0',
        'b 1.0.0 -> c 1.0.0 -> a 1.0.0 -> b 1.0.0',
        'c 1.0.0 -> a 1.0.0 -> b 1.0.0 -> c 1.0.0',
        'self 1.0.0 -> self 1.0.0',
      ],
    );
  });

  it('leaves out, transitively, every plugin that needs a plugin that was left out, quoting the first cause', () => {
    const { order, excluded } = resolveGraph(
      [
        plugin('payments', { stripe: '^1.0.0' }),
        plugin('billing', { payments: '^1.0.0' }),
        plugin('invoices', { billing: '^1.0.0' }),
        plugin('catalog'),
      ],
      KERNEL,
    );
    assert.deepEqual(order, ['catalog']);
    const cause = 'plugin "payments" 1.0.0 needs "stripe" ^1.0.0, which is not present';
    assert.deepEqual(excluded, [
      {
        id: 'billing',
        code: 'ORN_PLUGIN_DEPENDENCY_EXCLUDED',
        reason: `plugin "billing" needs "payments", which was left out: ${cause}`,
      },
      {
        id: 'invoices',
        code: 'ORN_PLUGIN_DEPENDENCY_EXCLUDED',
        reason: `plugin "invoices" needs "billing", which was left out: plugin "billing" needs "payments", which was left out: ${cause}`,
      },
      { id: 'payments', code: 'ORN_PLUGIN_DEPENDENCY_MISSING', reason: cause },
    ]);
  });

  it('excludes a plugin whose dependency needs another kernel', () => {
    const { excluded } = resolveGraph([plugin('a', { b: '^1.0.0' }), plugin('b', {}, '1.0.0', '>=2')], KERNEL);
    assert.deepEqual(
      excluded.map((e) => e.code),
      ['ORN_PLUGIN_DEPENDENCY_EXCLUDED', 'ORN_PLUGIN_KERNEL_INCOMPATIBLE'],
    );
  });
});

describe('dependency closures', () => {
  const graph: DependencyGraph = new Map(
    [
      plugin('catalog'),
      plugin('payments', { catalog: '^1.0.0' }),
      plugin('orders', { payments: '^1.0.0', catalog: '^1.0.0' }),
      plugin('invoices', { orders: '^1.0.0' }),
      plugin('reviews', { catalog: '^1.0.0' }),
      plugin('alone'),
    ].map((p) => [p.id, p]),
  );

  it('lists everything a plugin needs enabled first, dependencies first, without the plugin itself', () => {
    assert.deepEqual(dependenciesClosure('invoices', graph), ['catalog', 'payments', 'orders']);
    assert.deepEqual(dependenciesClosure('catalog', graph), []);
  });

  it('lists everything that must be disabled with a plugin, dependents first', () => {
    assert.deepEqual(dependentsClosure('catalog', graph), ['invoices', 'orders', 'payments', 'reviews']);
    assert.deepEqual(dependentsClosure('orders', graph), ['invoices']);
    assert.deepEqual(dependentsClosure('alone', graph), []);
  });

  it('ignores a plugin missing from the graph', () => {
    assert.deepEqual(dependenciesClosure('ghost', graph), []);
    assert.deepEqual(dependentsClosure('ghost', graph), []);
  });
});
