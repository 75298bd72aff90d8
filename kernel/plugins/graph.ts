import semver from 'semver';
import { PluginErrors } from './errors.js';

/** What dependency resolution needs to know about one plugin (a subset of its manifest). */
export interface GraphPlugin {
  id: string;
  version: string;
  /** Semver range of kernel API versions the plugin works with. */
  kernel: string;
  /** Plugin id → semver range. */
  dependencies: Record<string, string>;
}

/** A plugin left out, with a `PluginErrors` code and a reason naming the plugins and versions at fault. */
export interface GraphExclusion {
  id: string;
  code: string;
  reason: string;
}

export interface ResolvedGraph {
  /** Plugins that can load, dependencies before dependents; ties are broken alphabetically. */
  order: string[];
  /** Plugins left out, sorted by id. */
  excluded: GraphExclusion[];
}

/** The resolved (non-excluded) plugins, as the closure helpers read them. */
export type DependencyGraph = ReadonlyMap<string, { dependencies: Record<string, string> }>;

// Prerelease plugins (1.1.0-beta.1) must still satisfy plain ranges such as ^1.0.0.
const satisfies = (version: string, range: string) => semver.satisfies(version, range, { includePrerelease: true });
const sortedKeys = (record: Record<string, string>) => Object.keys(record).sort(compare);

/**
 * Decides which plugins can load and in which order. Checks run in this order: the kernel range, then each declared
 * dependency (present, right version), then cycles among the plugins still in, then exclusion spreads to dependents.
 */
export function resolveGraph(plugins: readonly GraphPlugin[], kernelVersion: string): ResolvedGraph {
  const all = new Map<string, GraphPlugin>();
  for (const p of plugins) if (!all.has(p.id)) all.set(p.id, p);
  const excluded = new Map<string, GraphExclusion>();
  const exclude = (id: string, code: string, reason: string) => {
    if (!excluded.has(id)) excluded.set(id, { id, code, reason });
  };

  // 1. Facts about each plugin alone: its kernel range and its direct dependencies.
  for (const p of all.values()) {
    const { id, version } = p;
    if (!satisfies(kernelVersion, p.kernel)) {
      const E = PluginErrors.KernelIncompatible;
      exclude(id, E.code, E.definition.detail({ id, version, range: p.kernel, kernel: kernelVersion }));
      continue;
    }
    for (const dependency of sortedKeys(p.dependencies)) {
      const range = p.dependencies[dependency]!;
      const found = all.get(dependency);
      if (!found) {
        const E = PluginErrors.DependencyMissing;
        exclude(id, E.code, E.definition.detail({ id, version, dependency, range }));
        break;
      }
      if (!satisfies(found.version, range)) {
        const E = PluginErrors.DependencyIncompatible;
        exclude(id, E.code, E.definition.detail({ id, version, dependency, range, found: found.version }));
        break;
      }
    }
  }

  // 2. Cycles among the plugins still in: every member is left out, since none of them can load first.
  const remaining = [...all.keys()].filter((id) => !excluded.has(id)).sort(compare);
  const edges = (id: string) => sortedKeys(all.get(id)!.dependencies).filter((d) => all.has(d) && !excluded.has(d));
  for (const component of stronglyConnected(remaining, edges)) {
    const [only] = component;
    if (component.length === 1 && !edges(only!).includes(only!)) continue;
    const members = new Set(component);
    for (const id of component) {
      const cycle = cyclePath(id, (n) => sortedKeys(all.get(n)!.dependencies).filter((d) => members.has(d)))
        .map((n) => `${n} ${all.get(n)!.version}`)
        .join(' -> ');
      const E = PluginErrors.DependencyCycle;
      exclude(id, E.code, E.definition.detail({ id, version: all.get(id)!.version, cycle }));
    }
  }

  // 3. A plugin whose dependency was left out is left out too, quoting the dependency's own reason.
  const spread = (id: string): GraphExclusion | undefined => {
    const known = excluded.get(id);
    if (known) return known;
    for (const dependency of sortedKeys(all.get(id)!.dependencies)) {
      const cause = spread(dependency); // the graph left after step 2 is acyclic, so this ends
      if (cause) {
        const E = PluginErrors.DependencyExcluded;
        exclude(id, E.code, E.definition.detail({ id, dependency, reason: cause.reason }));
        return excluded.get(id);
      }
    }
    return undefined;
  };
  for (const id of remaining) spread(id);

  const kept = new Set(remaining.filter((id) => !excluded.has(id)));
  return {
    order: topologicalOrder(kept, (id) => sortedKeys(all.get(id)!.dependencies)),
    excluded: [...excluded.values()].sort((a, b) => compare(a.id, b.id)),
  };
}

/** Every plugin `id` depends on, directly or not, dependencies first; `id` itself is not included. */
export function dependenciesClosure(id: string, graph: DependencyGraph): string[] {
  const deps = (n: string) => Object.keys(graph.get(n)?.dependencies ?? {}).filter((d) => graph.has(d));
  const closure = reachable(id, deps);
  return topologicalOrder(closure, (n) => deps(n));
}

/** Every plugin that depends on `id`, directly or not, dependents first (the order to disable them in). */
export function dependentsClosure(id: string, graph: DependencyGraph): string[] {
  const dependents = new Map<string, string[]>();
  for (const [n, node] of graph) {
    for (const d of Object.keys(node.dependencies)) dependents.set(d, [...(dependents.get(d) ?? []), n]);
  }
  const up = (n: string) => dependents.get(n) ?? [];
  const closure = reachable(id, up);
  // A plugin comes out once everything that depends on it has.
  return topologicalOrder(closure, up);
}

/** Nodes reachable from `start` through `next`, without `start` itself (even when a cycle leads back to it). */
function reachable(start: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...next(start)];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === start || seen.has(n)) continue;
    seen.add(n);
    stack.push(...next(n));
  }
  return seen;
}

/**
 * Kahn's algorithm over `nodes`: a node comes after every node of `nodes` listed by `before(node)`. The smallest ready
 * id goes first, so the order is the same on every machine. Nodes stuck in a cycle are appended alphabetically.
 */
function topologicalOrder(nodes: ReadonlySet<string>, before: (id: string) => string[]): string[] {
  const waiting = new Map<string, Set<string>>();
  for (const n of nodes) waiting.set(n, new Set(before(n).filter((b) => nodes.has(b) && b !== n)));
  const order: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting].filter(([, w]) => w.size === 0).map(([n]) => n);
    const next = ready.length > 0 ? ready.sort(compare)[0]! : [...waiting.keys()].sort(compare)[0]!;
    order.push(next);
    waiting.delete(next);
    for (const w of waiting.values()) w.delete(next);
  }
  return order;
}

/** Tarjan's strongly connected components, each sorted by id. */
function stronglyConnected(nodes: readonly string[], edges: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort(compare));
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return components;
}

/** The shortest path from `start` back to itself (breadth-first, alphabetical), as a list ending with `start`. */
function cyclePath(start: string, edges: (id: string) => string[]): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const d of edges(n)) {
      if (d === start) {
        const path = [start];
        for (let at: string | undefined = n; at !== undefined && at !== start; at = parent.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!parent.has(d)) {
        parent.set(d, n);
        queue.push(d);
      }
    }
  }
  return [start, start];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
