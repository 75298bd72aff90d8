import { type DependencyContainer, container as globalContainer } from 'tsyringe';
import type { KernelServices, KernelToken } from './tokens.js';

/**
 * A root container per kernel, a child of tsyringe's global one, so that two kernels in one process (tests, the
 * cluster test) never see each other's services. The plugin host gives each plugin a child of this one.
 */
export function createRootContainer(services: KernelServices): DependencyContainer {
  const root = globalContainer.createChildContainer();
  for (const [token, value] of Object.entries(services)) root.registerInstance(token, value);
  return root;
}

/** Typed lookup of a kernel service. */
export function resolveService<K extends KernelToken>(container: DependencyContainer, token: K): KernelServices[K] {
  return container.resolve<KernelServices[K]>(token);
}
