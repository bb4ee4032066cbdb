/**
 * The app's workloads, each over real HTTP against the production server: closed loops of virtual
 * shoppers and clerks (each starts its next flow when the previous one finished), page loads at a
 * number of connections, and an open loop (requests sent on a schedule, whatever the answers) for
 * add to cart at a given rate. Any refused or failed request is an error of the workload.
 */
import { randomUUID } from 'node:crypto';
import { ACTIONS, BenchError, expectOk, expectRedirect, type Visitor, type WebhookRelay } from './client';
import { percentile } from './stats';

export interface StepFigures {
  n: number;
  p50: number;
  p95: number;
}

export interface LoopResult {
  /** Units (flows, sales, requests) completed. */
  count: number;
  elapsedMs: number;
  perSecond: number;
  steps: Record<string, StepFigures>;
  errors: number;
  errorSamples: string[];
  /** Open loop only: why the server did not keep up with the rate (a measured outcome, not an error). */
  notSustained?: string;
}

/** An error with its cause (fetch's "fetch failed" says nothing without it). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}

/** Per-step durations (ms) of one unit of work. */
type Unit = (worker: number) => Promise<Record<string, number>>;

function summarize(count: number, elapsedMs: number, samples: Map<string, number[]>, errors: string[], errorCount: number): LoopResult {
  const steps: Record<string, StepFigures> = {};
  for (const [step, values] of samples) steps[step] = { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95) };
  return { count, elapsedMs, perSecond: elapsedMs > 0 ? (count * 1000) / elapsedMs : 0, steps, errors: errorCount, errorSamples: errors };
}

function record(samples: Map<string, number[]>, durations: Record<string, number>) {
  for (const [step, ms] of Object.entries(durations)) {
    const list = samples.get(step) ?? [];
    list.push(ms);
    samples.set(step, list);
  }
}

/** `concurrency` workers repeat `unit` until `durationMs` has passed; units started before then finish and count. */
export async function closedLoop(concurrency: number, durationMs: number, unit: Unit): Promise<LoopResult> {
  const samples = new Map<string, number[]>();
  const errors: string[] = [];
  let errorCount = 0;
  let count = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  let lastDone = started;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // A broken workload stops early: its figures will not be printed anyway.
      while (performance.now() < deadline && errorCount < 20) {
        try {
          record(samples, await unit(worker));
          count++;
          lastDone = performance.now();
        } catch (error) {
          errorCount++;
          if (errors.length < 5) errors.push(describe(error));
        }
      }
    }),
  );
  return summarize(count, lastDone - started, samples, errors, errorCount);
}

/**
 * Sends `ratePerSecond` requests a second for `durationMs`, each at its scheduled time whether or not
 * earlier ones were answered; latency counts from the scheduled time (no coordinated omission).
 */
export async function openLoop(ratePerSecond: number, durationMs: number, unit: Unit): Promise<LoopResult> {
  const samples = new Map<string, number[]>();
  const errors: string[] = [];
  let errorCount = 0;
  let count = 0;
  const interval = 1000 / ratePerSecond;
  const started = performance.now();
  const total = Math.max(1, Math.floor(durationMs / interval));
  const inFlight: Promise<void>[] = [];
  // More than two seconds' worth of requests unanswered: the server does not sustain the rate. Sending
  // on would only queue minutes of backlog; the workload stops and says so. That is a measurement (the
  // latency target is missed), not a broken bench: the run's other figures stand.
  const maxBacklog = Math.max(10, Math.ceil(ratePerSecond * 2));
  let pending = 0;
  let notSustained: string | undefined;
  for (let i = 0; i < total; i++) {
    if (pending > maxBacklog) {
      notSustained = `${pending} requests unanswered after ${((performance.now() - started) / 1000).toFixed(1)} s at ${ratePerSecond.toFixed(1)} req/s`;
      break;
    }
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending++;
    inFlight.push(
      unit(i).finally(() => pending--).then(
        (durations) => {
          const late = performance.now() - scheduled;
          record(samples, { ...durations, latency: late });
          count++;
        },
        (error: unknown) => {
          errorCount++;
          if (errors.length < 5) errors.push(describe(error));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { ...summarize(count, performance.now() - started, samples, errors, errorCount), notSustained };
}

/** UUIDs whose first group is the run's tag, so the shop's orders of this run can be counted afterwards. */
export const keyMaker = (tag: string) => () => `${tag}${randomUUID().slice(8)}`;

export interface CheckoutContext {
  shoppers: Visitor[];
  variants: { id: number; slug: string }[];
  relay: WebhookRelay;
  newKey: () => string;
  /** Orders the flows placed (a flow that failed after placing still placed one). */
  placed: { count: number };
}

/** One web checkout: add to cart → checkout page → place order → pay on the provider's page → its webhook accepted. */
export function checkoutFlow(ctx: CheckoutContext): Unit {
  let next = 0;
  return async (worker) => {
    const shopper = ctx.shoppers[worker]!;
    const variant = ctx.variants[next++ % ctx.variants.length]!;
    const add = expectOk('add to cart', await shopper.action(`/products/${variant.slug}`, ACTIONS.addToCart, { variantId: variant.id, quantity: 1 }));
    const page = await shopper.get('/checkout', { rsc: true });
    if (page.status !== 200) throw new BenchError('checkout page', page);
    const index = 1 + (worker % 9);
    const place = await shopper.action('/checkout', ACTIONS.placeWebOrder, {
      idempotencyKey: ctx.newKey(),
      fulfilment: 'delivery',
      email: `bench.shopper${worker}@example.com`,
      name: `Bench Shopper ${worker}`,
      phone: `+31 6 1${index}${String(1000000 + worker).slice(1)}`,
      street: `Benchstraat ${worker + 1}`,
      postcode: '3511 AB',
      city: 'Utrecht',
    });
    const [, reference] = expectRedirect('place order', place, /^\/pay\/(tp_[\w-]+)$/);
    ctx.placed.count++;
    const pay = await shopper.action(`/pay/${reference}`, ACTIONS.decideTestPayment, { paymentId: reference, outcome: 'succeeded' });
    expectRedirect('pay', pay, /^\/orders\/[0-9a-f-]{36}$/);
    const paidAnswer = performance.now();
    const settled = await ctx.relay.settledAt(reference!);
    return { add: add.ms, checkoutPage: page.ms, place: place.ms, pay: pay.ms, webhook: Math.max(0, settled - paidAnswer) };
  };
}

export interface CounterContext {
  clerks: Visitor[];
  variants: { ean: string }[];
  newKey: () => string;
  sold: { count: number };
}

/** One counter sale by clerk `worker` at their own till: scan an EAN → pay screen → card payment confirmed. */
export function counterSale(ctx: CounterContext): Unit {
  return async (worker) => {
    const clerk = ctx.clerks[worker]!;
    const variant = ctx.variants[worker % ctx.variants.length]!;
    const scan = await clerk.action('/counter', ACTIONS.scanToCounterCart, { code: variant.ean });
    if (scan.status !== 200 || !/"added":true/.test(scan.body)) throw new BenchError('scan', scan);
    const page = await clerk.get('/counter/checkout', { rsc: true });
    // The pay form carries the total the clerk saw (a changed price is refused, not charged).
    const total = /"totalCents":(\d+),"idempotencyKey"/.exec(page.body);
    if (page.status !== 200 || !total) throw new BenchError('counter checkout page', page);
    const pay = await clerk.action('/counter/checkout', ACTIONS.completeCounterSale, {
      idempotencyKey: ctx.newKey(),
      expectedTotalCents: Number(total[1]),
      method: 'card_terminal',
    });
    expectRedirect('counter pay', pay, /^\/counter\/receipts\/[0-9a-f-]{36}$/);
    ctx.sold.count++;
    return { scan: scan.ms, checkoutPage: page.ms, pay: pay.ms };
  };
}

/** GET `pathname` (the HTML document) on a visitor of its own per connection. */
export function pageLoad(visitors: Visitor[], pathname: string): Unit {
  return async (worker) => {
    const answer = await visitors[worker % visitors.length]!.get(pathname);
    if (answer.status !== 200) throw new BenchError(`GET ${pathname}`, answer);
    return { request: answer.ms };
  };
}

/** Add to cart of one unit on a product page, by a pool of shoppers with carts of their own. */
export function addToCart(shoppers: Visitor[], variants: { id: number; slug: string }[]): Unit {
  let next = 0;
  return async (i) => {
    const variant = variants[next++ % variants.length]!;
    const answer = await shoppers[i % shoppers.length]!.action(`/products/${variant.slug}`, ACTIONS.addToCart, { variantId: variant.id, quantity: 1 });
    expectOk('add to cart', answer);
    return { request: answer.ms };
  };
}
