import { z } from 'zod';
import { returnCondition, returnReason, returnStatus } from '@/db/schema';
import { idFromForm } from '@/lib/actions/form-numbers';
import type { ReturnLineInput } from './types';

// The forms of the online return (shop) and of the admin's Returns screen. Repeated fields
// (`orderLineId[i]` ↔ `quantity[i]` ↔ `reason[i]`) arrive as one string or an array: always an array here.

export const MAX_RETURN_LINES = 50;
const MAX_UNITS = 1000;
export const RETURN_REASONS = returnReason.enumValues;
export const RETURN_CONDITIONS = returnCondition.enumValues;
export const RETURN_STATUSES = returnStatus.enumValues;

const list = () =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(64, 'validation.invalid')).max(MAX_RETURN_LINES, 'validation.invalid'),
  );
const uuid = z.uuid('validation.invalid');
const note = z.string().trim().max(500, 'validation.tooLong').optional();

interface LineFields {
  orderLineId: string[];
  quantity: string[];
  reason: string[];
}

/** The chosen lines: a quantity 0 (or blank) skips a line; a returned line needs a reason from the list. */
function chosenLines(v: LineFields, ctx: z.RefinementCtx): ReturnLineInput[] {
  const lines: ReturnLineInput[] = [];
  v.orderLineId.forEach((rawId, i) => {
    const id = Number(rawId);
    const qtyText = (v.quantity[i] ?? '').trim();
    if (!/^[0-9]+$/.test(rawId) || !Number.isSafeInteger(id) || id < 1) {
      ctx.addIssue({ code: 'custom', path: ['orderLineId'], message: 'validation.invalid' });
      return;
    }
    if (qtyText === '' || qtyText === '0') return;
    const quantity = /^[0-9]+$/.test(qtyText) ? Number(qtyText) : NaN;
    if (!Number.isSafeInteger(quantity) || quantity > MAX_UNITS) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.invalid' });
      return;
    }
    const reason = v.reason[i] ?? '';
    if (!(RETURN_REASONS as readonly string[]).includes(reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.returns.reason' });
      return;
    }
    lines.push({ orderLineId: id, quantity, reason: reason as ReturnLineInput['reason'] });
  });
  if (lines.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.returns.nothingChosen' });
  return lines;
}

/** Shop: "Return items" on the order page — which units, why, and by post or in a store. */
export const requestReturnSchema = z
  .object({
    orderId: uuid,
    idempotencyKey: uuid,
    method: z.enum(['post', 'store'], 'validation.choice'),
    orderLineId: list(),
    quantity: list(),
    reason: list(),
    note,
  })
  .strict()
  .transform((v, ctx) => ({
    orderId: v.orderId,
    idempotencyKey: v.idempotencyKey,
    method: v.method,
    note: v.note || null,
    lines: chosenLines(v, ctx),
  }));
export type RequestReturnInput = z.output<typeof requestReturnSchema>;

/** Admin: a return started for the customer (by post, or handed in at a store), outside the window with a recorded reason. */
export const adminStartReturnSchema = z
  .object({
    orderId: uuid,
    idempotencyKey: uuid,
    method: z.enum(['post', 'store'], 'validation.choice'),
    orderLineId: list(),
    quantity: list(),
    reason: list(),
    overrideReason: z.string().trim().max(500, 'validation.tooLong').optional(),
  })
  .strict()
  .transform((v, ctx) => ({
    orderId: v.orderId,
    idempotencyKey: v.idempotencyKey,
    method: v.method,
    overrideReason: v.overrideReason || null,
    lines: chosenLines(v, ctx),
  }));

/** Warehouse: the posted parcel is in — the condition of each line decides restock or write-off. */
export const receiveReturnSchema = z
  .object({
    returnId: uuid,
    locationId: idFromForm('validation.choice'),
    returnLineId: list(),
    condition: list(),
  })
  .strict()
  .transform((v, ctx) => {
    const conditions: { returnLineId: number; condition: (typeof RETURN_CONDITIONS)[number] }[] = [];
    v.returnLineId.forEach((rawId, i) => {
      const id = Number(rawId);
      const condition = v.condition[i] ?? '';
      if (!/^[0-9]+$/.test(rawId) || !Number.isSafeInteger(id) || id < 1) ctx.addIssue({ code: 'custom', path: ['returnLineId'], message: 'validation.invalid' });
      else if (!(RETURN_CONDITIONS as readonly string[]).includes(condition)) ctx.addIssue({ code: 'custom', path: ['condition'], message: 'validation.choice' });
      else conditions.push({ returnLineId: id, condition: condition as (typeof RETURN_CONDITIONS)[number] });
    });
    if (conditions.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['condition'], message: 'validation.choice' });
    return { returnId: v.returnId, locationId: v.locationId, conditions };
  });

/** Where the admin sends the money: back the way it was paid, or as store credit. */
export const ADMIN_REFUND_DESTINATIONS = ['original', 'store_credit'] as const;
export const refundReturnSchema = z
  .object({ returnId: uuid, idempotencyKey: uuid, to: z.enum(ADMIN_REFUND_DESTINATIONS, 'validation.choice') })
  .strict();

export const returnIdSchema = z.object({ returnId: uuid }).strict();
