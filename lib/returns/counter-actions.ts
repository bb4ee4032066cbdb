'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { parseEuroToCents } from '@/lib/money/euros';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { recordPayment } from '@/lib/orders/mutations';
import { bookPaymentsOnTill } from '@/lib/till/cash';
import { getDeviceTill } from '@/lib/till/device';
import {
  counterExchangeSchema,
  counterReturnSchema,
  payExchangeDifferenceSchema,
  receiveCounterReturnSchema,
  refundCounterReturnSchema,
} from './counter-schemas';
import { createReturn, exchangeAtCounter, receiveReturn, refundReturn } from './mutations';
import { exchangeAmountDue, findExchangeVariant } from './counter-queries';
import { getReturnView } from './queries';

// The counter's after-sales actions. The receiving store is always the session's (a clerk's own store,
// an admin's chosen one), never the form's; the domain (lib/returns) checks the staff and the store
// again and holds every rule (quantities, window, refund amounts). A cash refund or payment goes
// through this tablet's open till.

/** The device's open till at this store, or null; `cash` needs one (the drawer pays it out). */
async function tillFor(actor: { userId: number }, cash: boolean): Promise<number | null> {
  const till = await getDeviceTill(getDb(), actor.userId);
  if (cash && !till) throw new DomainError('till.none');
  return till?.id ?? null;
}

function done(returnId: string): never {
  revalidatePath('/counter', 'layout');
  redirect(`/counter/returns/${returnId}`);
}

/** "Take back and refund": received and restocked (or written off) here now, then refunded to `to`. */
export const counterReturnAction = action({ schema: counterReturnSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const tillSessionId = await tillFor(actor, input.to === 'cash');
  const { returnId } = await createReturn(db, {
    orderId: input.orderId,
    method: 'counter',
    locationId: store.id,
    lines: input.lines,
    receiveNow: true,
    actor,
    idempotencyKey: input.idempotencyKey,
  });
  await refundReturn(db, { returnId, to: input.to, tillSessionId, actor, idempotencyKey: `${input.idempotencyKey}:refund` });
  done(returnId);
});

/**
 * "Exchange": the lines come back and the replacements leave this store's stock in one transaction
 * (exchangeAtCounter). A difference in the customer's favour is refunded to `to` at once; one to pay is
 * taken on the confirmation page (payExchangeDifferenceAction).
 */
export const counterExchangeAction = action({ schema: counterExchangeSchema, access: access.counter }, async (input, { actor, locale }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const tillSessionId = await tillFor(actor, false);
  // Another product named by SKU/EAN: resolved here; it is sold at today's price (the domain prices it).
  const replacements = await Promise.all(
    input.replacements.map(async (r) => {
      if (r.variantId !== null) return { variantId: r.variantId, quantity: r.quantity, replacesOrderLineId: r.replacesOrderLineId };
      const found = await findExchangeVariant(db, { code: r.code ?? '', storeId: store.id, locale });
      if (!found) throw new DomainError('notFound', {}, 'replacementCode');
      return { variantId: found.variantId, quantity: r.quantity, replacesOrderLineId: r.replacesOrderLineId };
    }),
  );
  const exchange = await exchangeAtCounter(db, {
    orderId: input.orderId,
    returnLines: input.lines,
    replacements,
    locationId: store.id,
    tillSessionId,
    actor,
    idempotencyKey: input.idempotencyKey,
    locale,
  });
  if (exchange.differenceCents < 0) {
    if (input.to === 'cash' && tillSessionId === null) throw new DomainError('till.none');
    await refundReturn(db, { returnId: exchange.returnId, to: input.to, tillSessionId, actor, idempotencyKey: `${input.idempotencyKey}:refund` });
  }
  done(exchange.returnId);
});

/** An RMA started online "in a store": received here with the condition seen per line, then refunded. */
export const receiveCounterReturnAction = action({ schema: receiveCounterReturnSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const tillSessionId = await tillFor(actor, input.to === 'cash');
  await receiveReturn(db, { returnId: input.returnId, locationId: store.id, conditions: input.conditions, actor });
  await refundReturn(db, { returnId: input.returnId, to: input.to, tillSessionId, actor, idempotencyKey: input.idempotencyKey });
  done(input.returnId);
});

/** The refund of a received return that has none yet (or whose refund failed and is tried again). */
export const refundCounterReturnAction = action({ schema: refundCounterReturnSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  await requireCounterStore(db, actor);
  const tillSessionId = await tillFor(actor, input.to === 'cash');
  await refundReturn(db, { returnId: input.returnId, to: input.to, tillSessionId, actor, idempotencyKey: input.idempotencyKey });
  done(input.returnId);
});

/** What an exchange for a dearer product leaves to pay, by card or cash, on the exchange order. */
export const payExchangeDifferenceAction = action({ schema: payExchangeDifferenceSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  await requireCounterStore(db, actor);
  const view = await getReturnView(db, input.returnId);
  if (!view?.exchangeOrder) throw new DomainError('notFound');
  const dueCents = await exchangeAmountDue(db, view.exchangeOrder.id);
  if (dueCents <= 0) throw new DomainError('invalidState');
  const tillSessionId = await tillFor(actor, input.method === 'cash');
  const tenderedCents = input.method === 'cash' ? (input.tendered ? parseEuroToCents(input.tendered) : null) : null;
  if (input.method === 'cash' && tenderedCents === null) throw new DomainError('tenderedTooLow', {}, 'tendered');
  await db.transaction(async (tx) => {
    await recordPayment(tx, { orderId: view.exchangeOrder!.id, method: input.method, amountCents: dueCents, tenderedCents, idempotencyKey: input.idempotencyKey }, actor);
    await bookPaymentsOnTill(tx, view.exchangeOrder!.id, tillSessionId);
  });
  done(input.returnId);
});
