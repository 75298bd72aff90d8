import type { Knex, PluginContext } from '@orion/sdk';
import { Money } from '@orion/sdk';
import './events.js';
import { PaymentErrors } from './errors.js';
import { manualProvider } from './manual.js';
import type { CardInput, PaymentProvider, PaymentStatus, PendingCallback, ProviderContext } from './provider.js';
import {
  type Payment,
  type PaymentRow,
  type PaymentTransaction,
  providerView,
  T,
  type TransactionRow,
  toPayment,
  toTransaction,
} from './rows.js';
import { testgatewayProvider } from './testgateway.js';

export interface PaymentCallOptions {
  /** The platform of the request, for settings and for the events. */
  platformId: number;
  /** A transaction of the caller's, scoped to the same vendor: the payment then commits with the caller's work. */
  trx?: Knex;
  /** Who asked, for the transactions history. Default `system`. */
  actor?: string;
}

export interface AuthorizeInput {
  orderRef: string;
  provider: string;
  amount: Money;
  card?: CardInput;
}

/**
 * The `payments.payments` service, for plugins that declare a dependency on payments (orders, checkout):
 * `ctx.service<PaymentsService>('payments.payments')`. A declined authorization is stored and returned with the
 * status `declined`, not thrown: the caller decides what the customer sees.
 */
export interface PaymentsService {
  /** Adds a provider of the `PaymentProvider` shape (a Stripe plugin calls this at start). */
  register(provider: PaymentProvider): void;
  providers(): { id: string; takesCards: boolean }[];
  authorize(vendorId: number, input: AuthorizeInput, options: PaymentCallOptions): Promise<Payment>;
  /** Captures the authorized amount (or less). A gateway may answer `capture_pending` and confirm by webhook. */
  capture(vendorId: number, paymentId: number, options: PaymentCallOptions & { amount?: Money }): Promise<Payment>;
  /** Refunds part or all of what was captured and not refunded yet (default: all of it). */
  refund(vendorId: number, paymentId: number, options: PaymentCallOptions & { amount?: Money }): Promise<Payment>;
  /** Cancels an authorization that was not captured. */
  void(vendorId: number, paymentId: number, options: PaymentCallOptions): Promise<Payment>;
  get(vendorId: number, paymentId: number, options?: { trx?: Knex }): Promise<Payment>;
  transactions(vendorId: number, paymentId: number): Promise<PaymentTransaction[]>;
  forOrder(vendorId: number, orderRef: string, options?: { trx?: Knex }): Promise<Payment[]>;
  /** Verifies and applies a provider's callback. A replayed event id changes nothing and says `duplicate`. */
  handleWebhook(
    vendorId: number,
    provider: string,
    rawBody: string,
    headers: Record<string, string>,
    options: { platformId: number },
  ): Promise<{ duplicate: boolean; payment: Payment | null }>;
  /** Stops callbacks the simulated gateway has not delivered yet (the plugin's `dispose`). */
  close(): void;
}

const REFUNDABLE: PaymentStatus[] = ['captured', 'partially_refunded'];
const VOIDABLE: PaymentStatus[] = ['pending', 'authorized'];
const CAPTURABLE: PaymentStatus[] = ['pending', 'authorized'];

/** Every service instance, so the plugin's `dispose` can stop their pending callbacks. */
export const liveServices = new Set<PaymentsService>();

export function createPaymentsService(ctx: PluginContext): PaymentsService {
  const providers = new Map<string, PaymentProvider>([
    [manualProvider.id, manualProvider],
    [testgatewayProvider.id, testgatewayProvider],
  ]);
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const providerOf = (id: string) => {
    const p = providers.get(id);
    if (!p) throw PaymentErrors.UnknownProvider({ provider: id, known: [...providers.keys()] });
    return p;
  };
  /**
   * The provider's context. Without a caller's transaction the settings are read up front, before this service opens
   * its own: the embedded database has one connection, and a query from inside the transaction would wait forever.
   */
  const pcOf = async (vendorId: number, platformId: number, trx?: Knex): Promise<ProviderContext> => {
    const settings = trx ? undefined : await ctx.settings(platformId);
    return { vendorId, settings: async () => settings ?? ctx.settings(platformId) };
  };
  const run = <R>(vendorId: number, trx: Knex | undefined, fn: (trx: Knex) => Promise<R>) =>
    trx ? fn(trx) : ctx.withTenant({ vendorId }, fn);

  async function lock(trx: Knex, vendorId: number, id: number): Promise<Payment> {
    const row = await trx<PaymentRow>(T.payments).where({ vendor_id: vendorId, id }).forUpdate().first();
    if (!row) throw PaymentErrors.NotFound({ id });
    return toPayment(row);
  }

  async function record(
    trx: Knex,
    vendorId: number,
    payment: Payment,
    change: Partial<Record<keyof PaymentRow, unknown>>,
    tx: { kind: string; status: string; amount: Money; actor: string; message?: string | null },
  ): Promise<Payment> {
    const [row] = await trx<PaymentRow>(T.payments)
      .where({ vendor_id: vendorId, id: payment.id })
      .update({ ...change, updated_at: trx.fn.now() } as never)
      .returning('*');
    await trx(T.transactions).insert({
      vendor_id: vendorId,
      payment_id: payment.id,
      kind: tx.kind,
      status: tx.status,
      amount_minor: tx.amount.amountMinor,
      actor: tx.actor,
      message: tx.message ?? null,
    });
    return toPayment(row as PaymentRow);
  }

  function emit(
    name: 'captured' | 'failed' | 'refunded',
    vendorId: number,
    p: Payment,
    amount: Money,
    platformId?: number,
  ) {
    ctx.emit(`payments.payment.${name}`, {
      ...(platformId === undefined ? {} : { platformId }),
      vendorId,
      paymentId: p.id,
      orderRef: p.orderRef,
      provider: p.provider,
      status: p.status,
      amount: { amountMinor: amount.amountMinor, currency: amount.currency },
    });
  }

  function schedule(vendorId: number, provider: string, callback: PendingCallback, platformId: number) {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      service.handleWebhook(vendorId, provider, callback.body, callback.headers, { platformId }).catch((err) => {
        ctx.logger.error({ err, provider, vendorId }, 'payments: gateway callback failed');
      });
    }, callback.delayMs);
    timers.add(timer);
  }

  const service: PaymentsService = {
    register(provider) {
      providers.set(provider.id, provider);
    },
    providers: () => [...providers.values()].map((p) => ({ id: p.id, takesCards: p.takesCards })),

    async authorize(vendorId, input, options) {
      const provider = providerOf(input.provider);
      const outcome = await provider.authorize(
        { amount: input.amount, reference: input.orderRef, card: input.card },
        await pcOf(vendorId, options.platformId, options.trx),
      );
      return run(vendorId, options.trx, async (trx) => {
        const [row] = await trx(T.payments)
          .insert({
            vendor_id: vendorId,
            order_ref: input.orderRef,
            provider: provider.id,
            provider_ref: outcome.providerRef,
            status: outcome.status,
            currency: input.amount.currency,
            amount_minor: input.amount.amountMinor,
            card_last4: outcome.cardLast4 ?? null,
            message: outcome.message ?? null,
          })
          .returning('*');
        const payment = toPayment(row as PaymentRow);
        await trx(T.transactions).insert({
          vendor_id: vendorId,
          payment_id: payment.id,
          kind: 'authorize',
          status: outcome.status,
          amount_minor: input.amount.amountMinor,
          actor: options.actor ?? 'system',
          message: outcome.message ?? null,
        });
        return payment;
      });
    },

    async capture(vendorId, paymentId, options) {
      const actor = options.actor ?? 'system';
      const pc = await pcOf(vendorId, options.platformId, options.trx);
      const { payment, callback, amount } = await run(vendorId, options.trx, async (trx) => {
        const current = await lock(trx, vendorId, paymentId);
        if (!CAPTURABLE.includes(current.status)) {
          throw PaymentErrors.InvalidState({ id: paymentId, status: current.status, action: 'captured' });
        }
        const amount = options.amount ?? current.amount;
        if (amount.amountMinor > current.amount.amountMinor || amount.amountMinor <= 0) {
          throw PaymentErrors.AmountTooLarge({
            id: paymentId,
            action: 'captured',
            max: Money.toDecimal(current.amount),
          });
        }
        const outcome = await providerOf(current.provider).capture(providerView(current), amount, pc);
        const change: Record<string, unknown> = { status: outcome.status, message: outcome.message ?? null };
        if (outcome.status === 'captured') change.captured_minor = amount.amountMinor;
        const payment = await record(trx, vendorId, current, change, {
          kind: 'capture',
          status: outcome.status,
          amount,
          actor,
          message: outcome.message,
        });
        return { payment, callback: outcome.callback, amount };
      });
      if (payment.status === 'captured') emit('captured', vendorId, payment, amount, options.platformId);
      if (callback) schedule(vendorId, payment.provider, callback, options.platformId);
      return payment;
    },

    async refund(vendorId, paymentId, options) {
      const pc = await pcOf(vendorId, options.platformId, options.trx);
      const { payment, amount } = await run(vendorId, options.trx, async (trx) => {
        const current = await lock(trx, vendorId, paymentId);
        if (!REFUNDABLE.includes(current.status)) {
          throw PaymentErrors.InvalidState({ id: paymentId, status: current.status, action: 'refunded' });
        }
        const left = Money.subtract(current.captured, current.refunded);
        const amount = options.amount ?? left;
        if (amount.currency !== left.currency || amount.amountMinor <= 0 || amount.amountMinor > left.amountMinor) {
          throw PaymentErrors.AmountTooLarge({ id: paymentId, action: 'refunded', max: Money.toDecimal(left) });
        }
        const outcome = await providerOf(current.provider).refund(providerView(current), amount, pc);
        const payment = await record(
          trx,
          vendorId,
          current,
          { status: outcome.status, refunded_minor: current.refunded.amountMinor + amount.amountMinor },
          {
            kind: 'refund',
            status: outcome.status,
            amount,
            actor: options.actor ?? 'system',
            message: outcome.message,
          },
        );
        return { payment, amount };
      });
      emit('refunded', vendorId, payment, amount, options.platformId);
      return payment;
    },

    void: async (vendorId, paymentId, options) => {
      const pc = await pcOf(vendorId, options.platformId, options.trx);
      return run(vendorId, options.trx, async (trx) => {
        const current = await lock(trx, vendorId, paymentId);
        if (!VOIDABLE.includes(current.status)) {
          throw PaymentErrors.InvalidState({ id: paymentId, status: current.status, action: 'voided' });
        }
        const outcome = await providerOf(current.provider).void(providerView(current), pc);
        return record(
          trx,
          vendorId,
          current,
          { status: outcome.status },
          { kind: 'void', status: outcome.status, amount: current.amount, actor: options.actor ?? 'system' },
        );
      });
    },

    get: (vendorId, paymentId, options = {}) =>
      run(vendorId, options.trx, async (trx) => {
        const row = await trx<PaymentRow>(T.payments).where({ vendor_id: vendorId, id: paymentId }).first();
        if (!row) throw PaymentErrors.NotFound({ id: paymentId });
        return toPayment(row);
      }),

    transactions: (vendorId, paymentId) =>
      ctx.withTenant({ vendorId }, async (trx) => {
        const payment = await trx<PaymentRow>(T.payments).where({ vendor_id: vendorId, id: paymentId }).first();
        if (!payment) throw PaymentErrors.NotFound({ id: paymentId });
        const rows: TransactionRow[] = await trx(T.transactions)
          .where({ vendor_id: vendorId, payment_id: paymentId })
          .orderBy('id');
        return rows.map((r) => toTransaction(r, payment.currency));
      }),

    forOrder: (vendorId, orderRef, options = {}) =>
      run(vendorId, options.trx, async (trx) => {
        const rows = await trx<PaymentRow>(T.payments)
          .where({ vendor_id: vendorId, order_ref: orderRef })
          .orderBy('id');
        return rows.map(toPayment);
      }),

    async handleWebhook(vendorId, providerId, rawBody, headers, options) {
      const provider = providerOf(providerId);
      if (!provider.verifyWebhook) throw PaymentErrors.UnknownProvider({ provider: providerId, known: [] });
      const event = await provider.verifyWebhook(rawBody, headers, await pcOf(vendorId, options.platformId));
      const result = await ctx.withTenant({ vendorId }, async (trx) => {
        const [fresh] = await trx(T.webhookEvents)
          .insert({ vendor_id: vendorId, provider: providerId, event_id: event.id })
          .onConflict(['vendor_id', 'provider', 'event_id'])
          .ignore()
          .returning('id');
        const row = await trx<PaymentRow>(T.payments)
          .where({ vendor_id: vendorId, provider: providerId, provider_ref: event.providerRef })
          .forUpdate()
          .first();
        if (!row) throw PaymentErrors.NotFound({ id: event.providerRef });
        if (!fresh) return { duplicate: true, payment: toPayment(row), changed: false as const };
        const current = toPayment(row);
        await trx(T.webhookEvents)
          .where({ vendor_id: vendorId, provider: providerId, event_id: event.id })
          .update({ payment_id: current.id });
        const amount = Money.of(event.amountMinor, current.amount.currency);
        if (event.type === 'capture.succeeded' && current.status === 'capture_pending') {
          const payment = await record(
            trx,
            vendorId,
            current,
            { status: 'captured', captured_minor: amount.amountMinor },
            {
              kind: 'capture',
              status: 'captured',
              amount,
              actor: `webhook:${providerId}`,
            },
          );
          return { duplicate: false, payment, changed: 'captured' as const };
        }
        if (event.type === 'capture.failed' && current.status === 'capture_pending') {
          const payment = await record(
            trx,
            vendorId,
            current,
            { status: 'failed', message: event.message ?? 'capture failed' },
            { kind: 'capture', status: 'failed', amount, actor: `webhook:${providerId}`, message: event.message },
          );
          return { duplicate: false, payment, changed: 'failed' as const };
        }
        return { duplicate: false, payment: current, changed: false as const };
      });
      if (result.changed && result.payment) {
        emit(result.changed, vendorId, result.payment, result.payment.captured, options.platformId);
      }
      return { duplicate: result.duplicate, payment: result.payment };
    },

    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      liveServices.delete(service);
    },
  };
  liveServices.add(service);
  return service;
}
