import { z } from 'zod';
import { idFromForm, intFromForm, optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import { parseEuroToCents } from '@/lib/money/euros';
import { normalizeCode } from '@/lib/pricing';
import { SHOP_TIME_ZONE, zonedLocalToUtc } from '@/lib/time/zoned';

// Admin promotion form. Everything arrives as text from FormData; the output is what the database
// stores: value in whole percent or in cents, instants in UTC, code upper-case, channels null = all.
// Every engine field is optional: a promotion that leaves them out prices as before the engine.

/** '' (an empty form field) counts as not given. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const wellFormed = (v: string) => v.isWellFormed();
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, 'validation.tooLong').refine(wellFormed, 'validation.invalid').optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(blankToUndefined, z.enum(values, 'validation.choice').default(fallback as never));
/** A checkbox: "on" (or true) when checked, absent when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean());
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, 'validation.tooLong'));
const count = (max: number) => optionalIntFromForm({ min: 1, max, message: 'validation.integer' });

const CHANNELS = ['web', 'store'] as const;
const CODE_RE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const PROMOTION_SCOPES = ['item', 'order', 'shipping', 'buy_x_get_y'] as const;
export const PROMOTION_KINDS = ['percentage', 'fixed_amount', 'fixed_per_line'] as const;
export const COMBINATIONS = ['exclusive', 'combinable', 'with_codes'] as const;
export const CUSTOMER_CONDITIONS = ['any', 'signed_in', 'first_order', 'loyalty_member'] as const;
/** S14: a promotion may be only for the customers in one segment (lib/insight/segments). */
export const CUSTOMER_SEGMENTS = ['web_only', 'store_only', 'omnichannel', 'new', 'loyal', 'lapsed'] as const;
export const APPLICATIONS = ['each_line', 'cheapest_line'] as const;

export const targetRefSchema = z
  .object({ type: z.enum(['category', 'product', 'variant'], 'validation.choice'), id: z.number().int().min(1).max(PG_INT_MAX) })
  .strict();
export type TargetRef = z.output<typeof targetRefSchema>;

export const promotionFields = {
  name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong').refine(wellFormed, 'validation.invalid'),
  titleEn: optionalText(120),
  titleNl: optionalText(120),
  descriptionEn: optionalText(500),
  descriptionNl: optionalText(500),
  scope: optionalEnum(PROMOTION_SCOPES, 'item'),
  kind: z.enum(PROMOTION_KINDS, 'validation.choice'),
  // Text on purpose: a percentage is a whole number, a fixed amount is euros ("5" or "5,00").
  value: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  target: z.preprocess(blankToUndefined, z.enum(['all', 'category', 'product', 'variant'], 'validation.choice').default('all')),
  targetId: optionalIntFromForm({ min: 1, max: PG_INT_MAX, message: 'validation.integer' }),
  additionalTargets: listOf(targetRefSchema, 50).optional(),
  exclusions: listOf(targetRefSchema, 50).optional(),
  skipReducedLines: checkbox.optional(),
  maxUnitsPerLine: count(999),
  application: optionalEnum(APPLICATIONS, 'each_line'),
  buyQuantity: count(99),
  getQuantity: count(99),
  getTargets: listOf(targetRefSchema, 50).optional(),
  maxApplications: count(999),
  minSubtotal: optionalText(16),
  minItems: count(999),
  customerCondition: optionalEnum(CUSTOMER_CONDITIONS, 'any'),
  // Blank = no segment condition.
  customerSegment: z.preprocess(blankToUndefined, z.enum(CUSTOMER_SEGMENTS, 'validation.choice').optional()),
  // ISO weekdays "1".."7" from a checkbox group: decimal digits only (no "0x1", "1e0" or true).
  weekdays: listOf(intFromForm({ min: 1, max: 7, message: 'validation.choice', rangeMessage: 'validation.choice' }), 7).optional(),
  dailyStart: optionalText(5),
  dailyEnd: optionalText(5),
  startsAt: optionalText(25),
  endsAt: optionalText(25),
  priority: optionalIntFromForm({ min: 0, max: 1000, message: 'validation.integer' }),
  combination: optionalEnum(COMBINATIONS, 'exclusive'),
  code: optionalText(32),
  // A checkbox group: absent, one value or several. None (or both) means every channel.
  channels: listOf(z.enum(CHANNELS, 'validation.choice'), 2),
  usageLimit: count(10_000_000),
  perCustomerLimit: count(10_000),
  budget: optionalText(16),
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

/** "09:30" → 570 minutes after midnight; undefined when blank, null when not a time. */
function toMinute(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const m = TIME_RE.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : text === '24:00' ? 1440 : null;
}

const euros = (text: string | undefined) => (text === undefined ? undefined : parseEuroToCents(text));

function checkPromotion(p: RawPromotion, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (p.kind === 'percentage') {
    const n = /^\d{1,3}$/.test(p.value) ? Number(p.value) : NaN;
    if (!(n >= 1 && n <= 100)) issue('value', 'validation.percentage');
  } else {
    const cents = parseEuroToCents(p.value);
    if (cents === null || cents < 1 || cents > 10_000_00) issue('value', 'validation.amount');
  }
  if (p.kind === 'fixed_per_line' && p.scope !== 'item') issue('kind', 'validation.choice');
  if (p.target === 'all' && p.targetId !== undefined) issue('targetId', 'validation.targetNotAllowed');
  if (p.target !== 'all' && p.targetId === undefined) issue('targetId', 'validation.required');
  if (p.scope === 'buy_x_get_y') {
    if (p.buyQuantity === undefined) issue('buyQuantity', 'validation.required');
    if (p.getQuantity === undefined) issue('getQuantity', 'validation.required');
  }
  for (const [field, text] of [['minSubtotal', p.minSubtotal], ['budget', p.budget]] as const) {
    const cents = euros(text);
    if (cents === null || (cents !== undefined && (cents < 1 || cents > 10_000_000_00))) issue(field, 'validation.amount');
  }
  const start = toInstant(p.startsAt);
  const end = toInstant(p.endsAt);
  if (start === 'invalid') issue('startsAt', 'validation.dateTime');
  if (end === 'invalid') issue('endsAt', 'validation.dateTime');
  if (start instanceof Date && end instanceof Date && end.getTime() <= start.getTime()) issue('endsAt', 'validation.endBeforeStart');
  const from = toMinute(p.dailyStart);
  const to = toMinute(p.dailyEnd);
  if (from === null) issue('dailyStart', 'validation.time');
  if (to === null) issue('dailyEnd', 'validation.time');
  if ((from === undefined) !== (to === undefined)) issue(from === undefined ? 'dailyStart' : 'dailyEnd', 'validation.required');
  if (typeof from === 'number' && typeof to === 'number' && to <= from) issue('dailyEnd', 'validation.endBeforeStart');
  if (p.code !== undefined && !CODE_RE.test(normalizeCode(p.code))) issue('code', 'validation.promotionCode');
}

export interface PromotionInput {
  name: string;
  titleEn: string | null;
  titleNl: string | null;
  descriptionEn: string | null;
  descriptionNl: string | null;
  scope: (typeof PROMOTION_SCOPES)[number];
  kind: (typeof PROMOTION_KINDS)[number];
  /** Whole percent 1..100, or cents (per unit, per line, off the order or off delivery — by scope and kind). */
  value: number;
  target: 'all' | 'category' | 'product' | 'variant';
  targetId: number | null;
  additionalTargets: TargetRef[];
  exclusions: TargetRef[];
  skipReducedLines: boolean;
  maxUnitsPerLine: number | null;
  application: (typeof APPLICATIONS)[number];
  buyQuantity: number | null;
  getQuantity: number | null;
  getTargets: TargetRef[];
  maxApplications: number | null;
  minSubtotalCents: number | null;
  minItems: number | null;
  customerCondition: (typeof CUSTOMER_CONDITIONS)[number];
  /** null = every customer; else only those in this segment. */
  customerSegment: (typeof CUSTOMER_SEGMENTS)[number] | null;
  /** ISO weekdays in Amsterdam; null = every day. */
  weekdays: number[] | null;
  dailyStartMinute: number | null;
  dailyEndMinute: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  priority: number;
  combination: (typeof COMBINATIONS)[number];
  code: string | null;
  /** null = every channel (the omnichannel default). */
  channels: ('web' | 'store')[] | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  budgetCents: number | null;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const uniqueRefs = (refs: TargetRef[] | undefined): TargetRef[] => {
  const seen = new Set<string>();
  return (refs ?? []).filter((r) => !seen.has(`${r.type}:${r.id}`) && !!seen.add(`${r.type}:${r.id}`));
};

/** Only called after checkPromotion passed, so every conversion here succeeds. */
function toPromotionInput(p: RawPromotion): PromotionInput {
  const channels = [...new Set(p.channels)];
  const weekdays = [...new Set(p.weekdays ?? [])].sort((a, b) => a - b);
  const bxgy = p.scope === 'buy_x_get_y';
  return {
    name: p.name,
    titleEn: orNull(p.titleEn),
    titleNl: orNull(p.titleNl),
    descriptionEn: orNull(p.descriptionEn),
    descriptionNl: orNull(p.descriptionNl),
    scope: p.scope,
    kind: p.kind,
    // form-number: a percentage passed /^\d{1,3}$/ in checkPromotion.
    value: p.kind === 'percentage' ? Number(p.value) : (parseEuroToCents(p.value) as number),
    target: p.target,
    targetId: p.target === 'all' ? null : (p.targetId ?? null),
    additionalTargets: uniqueRefs(p.additionalTargets),
    exclusions: uniqueRefs(p.exclusions),
    skipReducedLines: p.skipReducedLines ?? false,
    maxUnitsPerLine: p.scope === 'item' ? orNull(p.maxUnitsPerLine) : null,
    application: p.scope === 'item' ? p.application : 'each_line',
    buyQuantity: bxgy ? orNull(p.buyQuantity) : null,
    getQuantity: bxgy ? orNull(p.getQuantity) : null,
    getTargets: bxgy ? uniqueRefs(p.getTargets) : [],
    maxApplications: bxgy ? orNull(p.maxApplications) : null,
    minSubtotalCents: orNull(euros(p.minSubtotal) ?? undefined),
    minItems: orNull(p.minItems),
    customerCondition: p.customerCondition,
    customerSegment: orNull(p.customerSegment),
    // All seven days is the same as every day.
    weekdays: weekdays.length === 0 || weekdays.length === 7 ? null : weekdays,
    dailyStartMinute: orNull(toMinute(p.dailyStart) ?? undefined),
    dailyEndMinute: orNull(toMinute(p.dailyEnd) ?? undefined),
    startsAt: p.startsAt === undefined ? null : zonedLocalToUtc(p.startsAt, SHOP_TIME_ZONE),
    endsAt: p.endsAt === undefined ? null : zonedLocalToUtc(p.endsAt, SHOP_TIME_ZONE),
    priority: p.priority ?? 0,
    combination: p.combination,
    code: p.code === undefined ? null : normalizeCode(p.code),
    channels: channels.length === 0 || channels.length === CHANNELS.length ? null : channels,
    usageLimit: orNull(p.usageLimit),
    perCustomerLimit: orNull(p.perCustomerLimit),
    budgetCents: orNull(euros(p.budget) ?? undefined),
  };
}

export const createPromotionSchema = z.object(promotionFields).strict().superRefine(checkPromotion).transform(toPromotionInput);

export const updatePromotionSchema = z
  .object({ ...promotionFields, id: idFromForm() })
  .strict()
  .superRefine(checkPromotion)
  .transform((p): PromotionInput & { id: number } => ({ id: p.id, ...toPromotionInput(p) }));

export const endPromotionSchema = z.object({ id: idFromForm() }).strict();

/** Campaign codes: how many (1..10,000, see campaign-codes.ts) and an optional prefix of letters and digits. */
export const generateCampaignCodesSchema = z
  .object({
    promotionId: idFromForm(),
    count: intFromForm({ min: 1, max: 10_000 }),
    prefix: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{1,12}$/, 'validation.campaignPrefix')
        .transform((p) => p.toUpperCase())
        .optional(),
    ),
  })
  .strict();

export type CreatePromotionInput = z.output<typeof createPromotionSchema>;
export type UpdatePromotionInput = z.output<typeof updatePromotionSchema>;
export type GenerateCampaignCodesInput = z.output<typeof generateCampaignCodesSchema>;
