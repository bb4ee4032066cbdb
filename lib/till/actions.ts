'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { getDeviceTill, writeTillCookie, type DeviceTill } from './device';
import { closeTillSession, openTillSession, recordCashMovement } from './mutations';
import { getTillSession } from './queries';
import { cashMovementSchema, closeTillSchema, openTillSchema, tillSessionIdSchema } from './schemas';

// Till actions at the counter. The store is the session's (a clerk's own), the till session the
// device's cookie — checked against the database — never a form field, except when choosing which
// open till this device continues on (and then only one of this store's).

const refresh = () => revalidatePath('/counter', 'layout');

/** This device's open till at the counter's store, or DomainError('till.none'). */
async function requireDeviceTill(db: DbOrTx, actor: Actor): Promise<DeviceTill & { storeId: number }> {
  const store = await requireCounterStore(db, actor);
  const till = await getDeviceTill(db, actor.userId);
  if (!till || till.locationId !== store.id) throw new DomainError('till.none');
  return { ...till, storeId: store.id };
}

export const openTillAction = action({ schema: openTillSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const current = await getDeviceTill(db, actor.userId);
  if (current) throw new DomainError('till.deviceHasTill', { till: current.tillName });
  const opened = await openTillSession(db, { locationId: store.id, tillName: input.tillName, openingFloatCents: input.openingFloat }, actor);
  await writeTillCookie(opened.id);
  refresh();
  return { message: t('counter.till.opened', { till: opened.tillName }) };
});

/** "Continue on this till": a tablet that lost its cookie (or replaces another) takes over an open till of this store. */
export const continueOnTillAction = action({ schema: tillSessionIdSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const session = await getTillSession(db, input.sessionId, store.id);
  if (!session) throw new DomainError('notFound');
  if (session.status !== 'open') throw new DomainError('till.closed');
  await writeTillCookie(session.id);
  refresh();
  return { message: t('counter.till.resumed', { till: session.tillName }) };
});

export const recordCashMovementAction = action({ schema: cashMovementSchema, access: access.counter }, async (input, { actor, t }) => {
  const db = getDb();
  const till = await requireDeviceTill(db, actor);
  await recordCashMovement(db, { tillSessionId: till.id, locationId: till.storeId, kind: input.kind, amountCents: input.amount, reason: input.reason }, actor);
  refresh();
  return { message: t(input.kind === 'cash_in' ? 'counter.till.cashInDone' : 'counter.till.cashOutDone') };
});

/** Closes this device's till with the count and shows its Z report. */
export const closeTillAction = action({ schema: closeTillSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  const till = await requireDeviceTill(db, actor);
  const closed = await closeTillSession(db, { ...input, tillSessionId: till.id, locationId: till.storeId }, actor);
  await writeTillCookie(null);
  refresh();
  redirect(`/counter/till/sessions/${closed.id}?closed=1`);
});
