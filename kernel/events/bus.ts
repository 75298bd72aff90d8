import { EventEmitter } from 'eventemitter3';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';

/**
 * The map of event names to payloads. Plugins add theirs by module augmentation:
 *
 * @example
 * // Augment the module that declares the interface (the SDK only re-exports it):
 * declare module '../../../kernel/events/bus.js' {
 *   interface OrionEvents { 'catalog.product.created': { platformId: number; productId: number } }
 * }
 */
export interface OrionEvents {
  'kernel.started': { version: string };
  'kernel.stopping': { reason: string };
  /** A plugin kept failing on a platform and was disabled there (with the plugins that depend on it). */
  'kernel.plugin.quarantined': { platformId: number; pluginId: string; reason: string; disabled: string[] };
}

export type EventName = keyof OrionEvents & string;
export type EventHandler<E extends EventName> = (payload: OrionEvents[E]) => void | Promise<void>;

export interface EmitResult {
  handlers: number;
  failed: number;
}

type Wrapped = (payload: unknown) => Promise<boolean>;

/**
 * A typed event bus. `emit` starts every handler and returns at once; `emitAsync` waits for all of them. Either
 * way a handler that throws or rejects is logged and counted, and the other handlers still run.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  // Per event, the wrapper registered for each handler, so that `off` can find it.
  private readonly wrappers = new Map<string, Map<unknown, Wrapped>>();

  constructor(
    private readonly logger: Logger,
    private readonly failures?: Counter<'event'>,
  ) {}

  on<E extends EventName>(event: E, handler: EventHandler<E>): () => void {
    const wrapped: Wrapped = async (payload) => {
      try {
        await handler(payload as OrionEvents[E]);
        return true;
      } catch (err) {
        this.failures?.inc({ event });
        this.logger.error({ err, event, handler: handler.name || 'anonymous' }, 'event handler failed');
        return false;
      }
    };
    const forEvent = this.wrappers.get(event) ?? new Map<unknown, Wrapped>();
    this.wrappers.set(event, forEvent);
    if (forEvent.has(handler)) return () => this.off(event, handler); // registering twice is a no-op
    forEvent.set(handler, wrapped);
    this.emitter.on(event, wrapped);
    return () => this.off(event, handler);
  }

  off<E extends EventName>(event: E, handler: EventHandler<E>): void {
    const wrapped = this.wrappers.get(event)?.get(handler);
    if (!wrapped) return;
    this.emitter.off(event, wrapped);
    this.wrappers.get(event)?.delete(handler);
  }

  /** Fire and forget: handlers run concurrently, failures are logged. */
  emit<E extends EventName>(event: E, payload: OrionEvents[E]): void {
    void this.run(event, payload);
  }

  /** Runs every handler and resolves once all have settled. Never rejects. */
  emitAsync<E extends EventName>(event: E, payload: OrionEvents[E]): Promise<EmitResult> {
    return this.run(event, payload);
  }

  listenerCount(event: EventName): number {
    return this.emitter.listenerCount(event);
  }

  private async run(event: EventName, payload: unknown): Promise<EmitResult> {
    const handlers = this.emitter.listeners(event) as Wrapped[];
    const results = await Promise.all(handlers.map((h) => h(payload)));
    return { handlers: handlers.length, failed: results.filter((ok) => !ok).length };
  }
}
