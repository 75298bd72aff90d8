import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inject, injectable } from 'tsyringe';
import type { OrionConfig } from '../config/schema.js';
import { createRootContainer, resolveService } from './container.js';
import type { KernelServices } from './tokens.js';

@injectable()
class Clock {
  now() {
    return 42;
  }
}

@injectable()
class Greeter {
  // `clock` has no @inject: it resolves only if tsc emitted decorator metadata (esbuild/tsx would not).
  constructor(
    readonly clock: Clock,
    @inject('kernel.config') readonly config: OrionConfig,
  ) {}
}

const fakeServices = (port: number) =>
  ({ 'kernel.config': { server: { port } } as OrionConfig }) as unknown as KernelServices;

describe('DI container', () => {
  it('injects class dependencies by their type and kernel services by token', () => {
    const root = createRootContainer(fakeServices(1234));
    const greeter = root.resolve(Greeter);
    assert.equal(greeter.clock.now(), 42);
    assert.equal(greeter.config.server.port, 1234);
    assert.equal(resolveService(root, 'kernel.config').server.port, 1234);
  });

  it('keeps two kernels apart', () => {
    const a = createRootContainer(fakeServices(1));
    const b = createRootContainer(fakeServices(2));
    assert.equal(resolveService(a, 'kernel.config').server.port, 1);
    assert.equal(resolveService(b, 'kernel.config').server.port, 2);
  });
});
