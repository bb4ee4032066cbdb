import { z } from 'zod';
import { idFromForm, optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import { parseEuroToCents } from '@/lib/money/euros';
import { normalizeCode } from '@/lib/pricing';
import { SHOP_TIME_ZONE, zonedLocalToUtc } from '@/lib/time/zoned';

// Admin promotion form. Everything arrives as text from FormData; the output is what the database
// stores: value in whole percent or in cents, instants in UTC, code upper-case, channels null = all.

/** '' (an empty form field) counts as not given. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

const CHANNELS = ['web', 'store'] as const;
const CODE_RE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

export const promotionFields = {
  name: z.string().trim().min(1, 'validation.required').max(120),
  kind: z.enum(['percentage', 'fixed_amount'], 'validation.choice'),
  // Text on purpose: a percentage is a whole number, a fixed amount is euros ("5" or "5,00").
  value: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  target: z.preprocess(blankToUndefined, z.enum(['all', 'category', 'product', 'variant'], 'validation.choice').default('all')),
  targetId: optionalIntFromForm({ min: 1, max: PG_INT_MAX, message: 'validation.integer' }),
  startsAt: optionalText(25),
  endsAt: optionalText(25),
  code: optionalText(32),
  // A checkbox group: absent, one value or several. None (or both) means every channel.
  channels: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(CHANNELS, 'validation.choice')).max(2),
  ),
};

type RawPromotion = z.output<z.ZodObject<typeof promotionFields>>;

function toInstant(local: string | undefined): Date | null | 'invalid' {
  if (local === undefined) return null;
  try {
    return zonedLocalToUtc(local, SHOP_TIME_ZONE);
  } catch {
    return 'invalid';
  }
}

function checkPromotion(p: RawPromotion, ctx: z.RefinementCtx): void {
  if (p.kind === 'percentage') {
    const n = /^\d{1,3}$/.test(p.value) ? Number(p.value) : NaN;
    if (!(n >= 1 && n <= 100)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.percentage' });
  } else {
    const cents = parseEuroToCents(p.value);
    if (cents === null || cents < 1 || cents > 10_000_00) ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.amount' });
  }
  if (p.target === 'all' && p.targetId !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'validation.targetNotAllowed' });
  }
  if (p.target !== 'all' && p.targetId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'validation.required' });
  }
  const start = toInstant(p.startsAt);
  const end = toInstant(p.endsAt);
  if (start === 'invalid') ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'validation.dateTime' });
  if (end === 'invalid') ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.dateTime' });
  if (start instanceof Date && end instanceof Date && end.getTime() <= start.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
  }
  if (p.code !== undefined && !CODE_RE.test(normalizeCode(p.code))) {
    ctx.addIssue({ code: 'custom', path: ['code'], message: 'validation.promotionCode' });
  }
}

export interface PromotionInput {
  name: string;
  kind: 'percentage' | 'fixed_amount';
  /** Whole percent 1..100, or cents off per unit. */
  value: number;
  target: 'all' | 'category' | 'product' | 'variant';
  targetId: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  code: string | null;
  /** null = every channel (the omnichannel default). */
  channels: ('web' | 'store')[] | null;
}

/** Only called after checkPromotion passed, so every conversion here succeeds. */
function toPromotionInput(p: RawPromotion): PromotionInput {
  const channels = [...new Set(p.channels)];
  return {
    name: p.name,
    kind: p.kind,
    value: p.kind === 'percentage' ? Number(p.value) : (parseEuroToCents(p.value) as number),
    target: p.target,
    targetId: p.target === 'all' ? null : (p.targetId ?? null),
    startsAt: p.startsAt === undefined ? null : zonedLocalToUtc(p.startsAt, SHOP_TIME_ZONE),
    endsAt: p.endsAt === undefined ? null : zonedLocalToUtc(p.endsAt, SHOP_TIME_ZONE),
    code: p.code === undefined ? null : normalizeCode(p.code),
    channels: channels.length === 0 || channels.length === CHANNELS.length ? null : channels,
  };
}

export const createPromotionSchema = z.object(promotionFields).strict().superRefine(checkPromotion).transform(toPromotionInput);

export const updatePromotionSchema = z
  .object({ ...promotionFields, id: idFromForm() })
  .strict()
  .superRefine(checkPromotion)
  .transform((p): PromotionInput & { id: number } => ({ id: p.id, ...toPromotionInput(p) }));

export const endPromotionSchema = z.object({ id: idFromForm() }).strict();

export type CreatePromotionInput = z.output<typeof createPromotionSchema>;
export type UpdatePromotionInput = z.output<typeof updatePromotionSchema>;
