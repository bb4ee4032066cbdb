import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';

export const MAX_TRANSFER_LINES = 20;
const MAX_UNITS = 10_000;

// Repeated form fields arrive as one string or an array of strings: always an array here.
const list = (max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(64, 'validation.invalid')).max(max, 'validation.invalid'));

/**
 * The admin's "New transfer" form: origin, destination and up to MAX_TRANSFER_LINES rows of SKU +
 * quantity (blank rows are ignored). `lines` is the parsed result.
 */
export const requestTransferFormSchema = z
  .object({
    fromLocationId: idFromForm('validation.choice'),
    toLocationId: idFromForm('validation.choice'),
    sku: list(MAX_TRANSFER_LINES),
    quantity: list(MAX_TRANSFER_LINES),
    note: z.string().trim().max(500, 'validation.tooLong').optional(),
  })
  .strict()
  .transform((v, ctx) => {
    const lines: { sku: string; quantity: number }[] = [];
    v.sku.forEach((raw, i) => {
      const sku = raw.trim();
      const qtyText = (v.quantity[i] ?? '').trim();
      if (!sku && !qtyText) return;
      const quantity = /^[0-9]+$/.test(qtyText) ? Number(qtyText) : NaN;
      if (!sku) ctx.addIssue({ code: 'custom', path: ['sku'], message: 'validation.required' });
      else if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_UNITS)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.stock.quantity' });
      else lines.push({ sku, quantity });
    });
    if (lines.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['sku'], message: 'validation.required' });
    if (v.fromLocationId === v.toLocationId) ctx.addIssue({ code: 'custom', path: ['toLocationId'], message: 'validation.stock.sameLocation' });
    return { fromLocationId: v.fromLocationId, toLocationId: v.toLocationId, note: v.note || null, lines };
  });

/** Which screen sent the form: the action goes back there with its notice. */
const surface = z.enum(['admin', 'counter'], 'validation.choice').optional();

export const transferIdSchema = z.object({ transferId: idFromForm(), surface }).strict();

/** Receipt: the counted units per line (`lineId[i]` ↔ `received[i]`), each 0 … what was sent. */
export const receiveTransferSchema = z
  .object({
    transferId: idFromForm(),
    surface,
    lineId: list(MAX_TRANSFER_LINES),
    received: list(MAX_TRANSFER_LINES),
  })
  .strict()
  .transform((v, ctx) => {
    const counts: { lineId: number; received: number }[] = [];
    v.lineId.forEach((rawId, i) => {
      const lineId = Number(rawId);
      const text = (v.received[i] ?? '').trim();
      if (!/^[0-9]+$/.test(rawId) || !Number.isSafeInteger(lineId) || lineId < 1) {
        ctx.addIssue({ code: 'custom', path: ['lineId'], message: 'validation.invalid' });
      } else if (!/^[0-9]+$/.test(text) || Number(text) > MAX_UNITS) {
        ctx.addIssue({ code: 'custom', path: [`received`], message: 'validation.stock.counted' });
      } else counts.push({ lineId, received: Number(text) });
    });
    return { transferId: v.transferId, surface: v.surface, counts };
  });

export type RequestTransferForm = z.output<typeof requestTransferFormSchema>;
export type ReceiveTransferInput = z.output<typeof receiveTransferSchema>;

