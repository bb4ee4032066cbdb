import { z } from 'zod';
import { returnCondition, returnReason } from '@/db/schema';
import type { RefundDestination, ReturnLineInput } from './types';

// The counter's return and exchange forms. Repeated fields (`orderLineId[i]` ↔ `quantity[i]` ↔
// `reason[i]` ↔ `reasonNote[i]` ↔ `condition[i]` ↔ `replacementVariantId[i]`) arrive as one string or an
// array: always an array here. A quantity 0 (or blank) skips a line.

export const MAX_COUNTER_RETURN_LINES = 50;
const MAX_UNITS = 1000;
export const COUNTER_RETURN_REASONS = returnReason.enumValues;
export const COUNTER_RETURN_CONDITIONS = returnCondition.enumValues;
export const REFUND_DESTINATIONS = ['original', 'cash', 'card_terminal', 'store_credit'] as const satisfies readonly RefundDestination[];

const list = () =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(500, 'validation.invalid')).max(MAX_COUNTER_RETURN_LINES, 'validation.invalid'),
  );
const uuid = z.uuid('validation.invalid');
const positiveId = (text: string) => (/^[0-9]{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= 2_147_483_647 ? Number(text) : null);

interface LineFields {
  orderLineId: string[];
  quantity: string[];
  reason: string[];
  reasonNote: string[];
  condition: string[];
}

export interface CounterReturnLine extends ReturnLineInput {
  condition: ReturnLineInput['condition'];
}

/** The chosen lines of the form: each with a quantity, a reason from the list, an optional note and the condition seen at the counter. */
function chosenLines(v: LineFields, ctx: z.RefinementCtx): { lines: CounterReturnLine[]; index: number[] } {
  const lines: CounterReturnLine[] = [];
  const index: number[] = [];
  v.orderLineId.forEach((rawId, i) => {
    const id = positiveId(rawId);
    if (id === null) {
      ctx.addIssue({ code: 'custom', path: ['orderLineId'], message: 'validation.invalid' });
      return;
    }
    const qtyText = (v.quantity[i] ?? '').trim();
    if (qtyText === '' || qtyText === '0') return;
    const quantity = /^[0-9]{1,6}$/.test(qtyText) ? Number(qtyText) : NaN;
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_UNITS) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.invalid' });
      return;
    }
    const reason = v.reason[i] ?? '';
    if (!(COUNTER_RETURN_REASONS as readonly string[]).includes(reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.returns.reason' });
      return;
    }
    const condition = v.condition[i] || 'resellable';
    if (!(COUNTER_RETURN_CONDITIONS as readonly string[]).includes(condition)) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: 'validation.choice' });
      return;
    }
    const note = (v.reasonNote[i] ?? '').trim();
    if (note.length > 300) {
      ctx.addIssue({ code: 'custom', path: ['reasonNote'], message: 'validation.tooLong', maximum: 300 } as never);
      return;
    }
    lines.push({
      orderLineId: id,
      quantity,
      reason: reason as CounterReturnLine['reason'],
      reasonNote: note || null,
      condition: condition as CounterReturnLine['condition'],
    });
    index.push(i);
  });
  const unique = new Set(lines.map((l) => l.orderLineId));
  if (unique.size !== lines.length) ctx.addIssue({ code: 'custom', path: ['orderLineId'], message: 'validation.invalid' });
  if (lines.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.returns.nothingChosen' });
  return { lines, index };
}

const lineFields = {
  orderLineId: list(),
  quantity: list(),
  reason: list(),
  reasonNote: list(),
  condition: list(),
};

/** "Take back and refund": the goods come back at this counter now and the money goes to `to`. */
export const counterReturnSchema = z
  .object({
    orderId: uuid,
    idempotencyKey: uuid,
    to: z.enum(REFUND_DESTINATIONS, 'validation.choice'),
    ...lineFields,
  })
  .strict()
  .transform((v, ctx) => ({ orderId: v.orderId, idempotencyKey: v.idempotencyKey, to: v.to, lines: chosenLines(v, ctx).lines }));
export type CounterReturnInput = z.output<typeof counterReturnSchema>;

/**
 * "Exchange": the chosen lines come back and each is replaced by the variant picked on its row
 * (`replacementVariantId[i]`, same product in another size/colour or another product). A difference in
 * the customer's favour goes to `to`.
 */
export const counterExchangeSchema = z
  .object({
    orderId: uuid,
    idempotencyKey: uuid,
    to: z.enum(REFUND_DESTINATIONS, 'validation.choice').optional(),
    replacementVariantId: list(),
    // Another product instead: its SKU or EAN as typed or scanned (wins over the size/colour choice).
    replacementCode: list(),
    ...lineFields,
  })
  .strict()
  .transform((v, ctx) => {
    const { lines, index } = chosenLines(v, ctx);
    const replacements: { variantId: number | null; code: string | null; quantity: number; replacesOrderLineId: number }[] = [];
    lines.forEach((line, k) => {
      const code = (v.replacementCode[index[k]] ?? '').trim().slice(0, 64);
      const variantId = code ? null : positiveId((v.replacementVariantId[index[k]] ?? '').trim());
      if (!code && variantId === null) {
        ctx.addIssue({ code: 'custom', path: ['replacementVariantId'], message: 'validation.returns.replacement' });
        return;
      }
      replacements.push({ variantId, code: code || null, quantity: line.quantity, replacesOrderLineId: line.orderLineId });
    });
    return { orderId: v.orderId, idempotencyKey: v.idempotencyKey, to: v.to ?? 'original', lines, replacements };
  });
export type CounterExchangeInput = z.output<typeof counterExchangeSchema>;

/** A return that is already there: an RMA started online "in a store" is received here (condition per line) and refunded. */
export const receiveCounterReturnSchema = z
  .object({
    returnId: uuid,
    idempotencyKey: uuid,
    to: z.enum(REFUND_DESTINATIONS, 'validation.choice'),
    returnLineId: list(),
    condition: list(),
  })
  .strict()
  .transform((v, ctx) => {
    const conditions: { returnLineId: number; condition: CounterReturnLine['condition'] & string }[] = [];
    v.returnLineId.forEach((raw, i) => {
      const id = positiveId(raw);
      const condition = v.condition[i] || 'resellable';
      if (id === null || !(COUNTER_RETURN_CONDITIONS as readonly string[]).includes(condition)) {
        ctx.addIssue({ code: 'custom', path: ['condition'], message: 'validation.choice' });
        return;
      }
      conditions.push({ returnLineId: id, condition: condition as 'resellable' | 'damaged' });
    });
    return { returnId: v.returnId, idempotencyKey: v.idempotencyKey, to: v.to, conditions };
  });

/** The refund of a received return that has none yet (e.g. a refund that failed and is tried again). */
export const refundCounterReturnSchema = z
  .object({ returnId: uuid, idempotencyKey: uuid, to: z.enum(REFUND_DESTINATIONS, 'validation.choice') })
  .strict();

/** The difference of an exchange for a dearer product, paid at this counter. */
export const payExchangeDifferenceSchema = z
  .object({
    returnId: uuid,
    idempotencyKey: uuid,
    method: z.enum(['cash', 'card_terminal'], 'validation.choice'),
    tendered: z.string().trim().max(20, 'validation.invalid').optional(),
  })
  .strict();
