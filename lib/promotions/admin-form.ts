import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { utcToZonedLocal } from '@/lib/time/zoned';
import type { PromotionAdminDto } from './admin-promotions';
import { createPromotionSchema, type PromotionInput, type TargetRef } from './schemas';
import { EMPTY_PROMOTION_FORM, type PromotionFormValues } from './form-values';

export { EMPTY_PROMOTION_FORM, type PromotionFormValues } from './form-values';

// The admin promotion form speaks in what a person sees — a category select, a product select, a
// variant *SKU* text field, checkboxes for channels, "category:3" options in the extra-target lists —
// while the domain schema (schemas.ts) speaks in `target` + `targetId` and target refs. This file
// translates between them and delegates every rule to createPromotionSchema, so no rule lives twice.

const FORM_KEYS = [
  'name', 'titleEn', 'titleNl', 'descriptionEn', 'descriptionNl',
  'scope', 'kind', 'value',
  'target', 'categoryId', 'productId', 'variantSku',
  'alsoTargets', 'exceptTargets', 'exceptSkus', 'getTargets',
  'skipReducedLines', 'maxUnitsPerLine', 'application',
  'buyQuantity', 'getQuantity', 'maxApplications',
  'minSubtotal', 'minItems', 'customerCondition', 'customerSegment', 'weekdays', 'dailyStart', 'dailyEnd',
  'startsAt', 'endsAt', 'priority', 'combination',
  'code', 'channels', 'usageLimit', 'perCustomerLimit', 'budget',
] as const;
type FormKey = (typeof FORM_KEYS)[number];

/** The form's field names, nothing else (strict: unknown keys such as `price` are refused). Types are checked by the domain schema. */
const formShape = Object.fromEntries(FORM_KEYS.map((k) => [k, z.unknown().optional()])) as Record<
  FormKey,
  z.ZodOptional<z.ZodUnknown>
>;
const formFields = z.object(formShape).strict();
type RawForm = z.output<typeof formFields>;

type Target = PromotionInput['target'];
/** Which form field names the targeted thing, per target. */
const TARGET_FIELD: Record<Exclude<Target, 'all'>, 'categoryId' | 'productId' | 'variantSku'> = {
  category: 'categoryId',
  product: 'productId',
  variant: 'variantSku',
};

export function targetField(target: Target): FormKey {
  return target === 'all' ? 'target' : TARGET_FIELD[target];
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** SKUs are stored upper-case; people type them in any case. */
export function normalizeSku(v: unknown): string | null {
  const sku = text(v).toUpperCase();
  return sku === '' ? null : sku;
}

/** "ABC-1, def-2" → ['ABC-1', 'DEF-2'] (commas, semicolons or spaces between). */
export function skuList(v: unknown): string[] {
  return [...new Set(text(v).toUpperCase().split(/[\s,;]+/).filter(Boolean))];
}

/** "category:3" / "product:12" (the extra-target lists' option values) → a target ref, or null. */
export function parseTargetOption(v: unknown): TargetRef | null {
  const m = /^(category|product|variant):(\d{1,10})$/.exec(text(v));
  if (!m) return null;
  const id = Number(m[2]);
  return id >= 1 && id <= 2_147_483_647 ? { type: m[1] as TargetRef['type'], id } : null;
}

/** Stands in for the variant id until the action has looked the SKU up (it needs the database). */
const SKU_PENDING = 1;

export interface PromotionFormOutput {
  promotion: PromotionInput;
  /** Set when target = 'variant': the action resolves it to promotion.targetId. */
  variantSku: string | null;
  /** SKUs to exclude: the action resolves them and adds them to promotion.exclusions. */
  exceptSkus: string[];
}

function refs(raw: unknown, field: FormKey, ctx: z.RefinementCtx): TargetRef[] {
  const out: TargetRef[] = [];
  for (const v of list(raw)) {
    const ref = parseTargetOption(v);
    if (ref) out.push(ref);
    else ctx.addIssue({ code: 'custom', path: [field], message: 'validation.invalid' });
  }
  return out;
}

function mapForm(raw: RawForm, ctx: z.RefinementCtx, options: { requireChannel: boolean }): PromotionFormOutput {
  const target = (['all', 'category', 'product', 'variant'] as const).find((t) => t === raw.target);
  const sku = target === 'variant' ? normalizeSku(raw.variantSku) : null;
  const targetId =
    target === 'category'
      ? raw.categoryId
      : target === 'product'
        ? raw.productId
        : target === 'variant' && sku
          ? SKU_PENDING
          : undefined;
  const channels = raw.channels ?? [];
  // Both boxes unchecked would silently mean "every channel" to the domain: ask instead.
  const noChannel = Array.isArray(channels) ? channels.length === 0 : channels === '';
  if (options.requireChannel && noChannel) {
    ctx.addIssue({ code: 'custom', path: ['channels'], message: 'validation.channelRequired' });
  }
  const parsed = createPromotionSchema.safeParse({
    name: raw.name,
    titleEn: raw.titleEn,
    titleNl: raw.titleNl,
    descriptionEn: raw.descriptionEn,
    descriptionNl: raw.descriptionNl,
    scope: raw.scope,
    kind: raw.kind,
    value: raw.value ?? '',
    target: raw.target,
    targetId,
    additionalTargets: refs(raw.alsoTargets, 'alsoTargets', ctx),
    exclusions: refs(raw.exceptTargets, 'exceptTargets', ctx),
    skipReducedLines: raw.skipReducedLines,
    maxUnitsPerLine: raw.maxUnitsPerLine,
    application: raw.application,
    buyQuantity: raw.buyQuantity,
    getQuantity: raw.getQuantity,
    getTargets: refs(raw.getTargets, 'getTargets', ctx),
    maxApplications: raw.maxApplications,
    minSubtotal: raw.minSubtotal,
    minItems: raw.minItems,
    customerCondition: raw.customerCondition,
    customerSegment: raw.customerSegment,
    weekdays: raw.weekdays,
    dailyStart: raw.dailyStart,
    dailyEnd: raw.dailyEnd,
    startsAt: raw.startsAt,
    endsAt: raw.endsAt,
    priority: raw.priority,
    combination: raw.combination,
    code: raw.code,
    channels,
    usageLimit: raw.usageLimit,
    perCustomerLimit: raw.perCustomerLimit,
    budget: raw.budget,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path[0] === 'targetId' && target ? [targetField(target)] : issue.path;
      ctx.addIssue({ ...issue, path } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  }
  const exceptSkus = skuList(raw.exceptSkus);
  if (exceptSkus.length > 50) ctx.addIssue({ code: 'custom', path: ['exceptSkus'], message: 'validation.tooLong' });
  return { promotion: parsed.data, variantSku: sku, exceptSkus };
}

/** New promotion, from the admin form (FormData or an object). */
export const promotionFormSchema = formFields.transform((raw, ctx) => mapForm(raw, ctx, { requireChannel: true }));

/** Edit of an existing promotion: the same form plus its id. */
export const promotionEditFormSchema = formFields
  .extend({ id: idFromForm() })
  .strict()
  .transform((raw, ctx) => ({ id: raw.id, ...mapForm(raw, ctx, { requireChannel: true }) }));

const sampleSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            sku: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong').transform((v) => v.toUpperCase()),
            quantity: z.number().int('validation.integer').min(1, 'validation.tooSmall').max(99, 'validation.tooBig'),
          })
          .strict(),
      )
      .max(20, 'validation.tooLong'),
    customer: z.enum(['guest', 'signed_in', 'first_order', 'loyalty_member'], 'validation.choice'),
    channel: z.enum(['web', 'store'], 'validation.choice'),
    fulfilment: z.enum(['delivery', 'pickup', 'in_store'], 'validation.choice'),
    withRunning: z.boolean(),
  })
  .strict();

/**
 * The live preview gets the form as it is while being typed, plus the sample cart the admin edits.
 * Name and window do not change a price, so they are replaced by neutral values; the code and the
 * channels stay (a code can be refused on the sample; a channel restriction shows on it).
 */
export const promotionPreviewSchema = formFields
  .extend({ sample: sampleSchema, editingId: z.number().int().min(1).max(2_147_483_647).optional() })
  .strict()
  .transform((raw, ctx) => {
    const { sample, editingId, ...form } = raw;
    const mapped = mapForm({ ...form, name: 'preview', startsAt: '', endsAt: '' }, ctx, { requireChannel: false });
    return { ...mapped, sample, editingId: editingId ?? null };
  });

/** Whole cents as the amount a person would type: 500 → "5,00" (nl) / "5.00" (en). Integer math, no float. */
export function centsToEuroInput(cents: number, locale: 'nl' | 'en'): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${euros}${locale === 'nl' ? ',' : '.'}${rest}`;
}

const minuteToTime = (m: number | null) => (m === null ? '' : `${String(Math.trunc(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const refOption = (r: { type: string; id: number | null }) => `${r.type}:${r.id}`;
const cents = (v: number | null, locale: 'nl' | 'en') => (v === null ? '' : centsToEuroInput(v, locale));
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * A stored promotion as form values: instants back in Amsterdam wall-clock time, cents back in euros.
 * Excluded variants come back as their SKUs (`exceptSkuLabels`, looked up by the page).
 */
export function promotionToFormValues(
  p: PromotionAdminDto,
  locale: 'nl' | 'en',
  exceptSkuLabels: string[] = [],
): PromotionFormValues {
  const id = p.targetId === null ? '' : String(p.targetId);
  return {
    ...EMPTY_PROMOTION_FORM,
    name: p.name,
    titleEn: p.titleEn ?? '',
    titleNl: p.titleNl ?? '',
    descriptionEn: p.descriptionEn ?? '',
    descriptionNl: p.descriptionNl ?? '',
    scope: p.scope,
    kind: p.kind,
    value: p.kind === 'percentage' ? String(p.value) : centsToEuroInput(p.value, locale),
    target: p.target,
    categoryId: p.target === 'category' ? id : '',
    productId: p.target === 'product' ? id : '',
    variantSku: p.target === 'variant' ? (p.targetLabel ?? '') : '',
    alsoTargets: p.additionalTargets.map(refOption),
    exceptTargets: p.exclusions.filter((r) => r.type !== 'variant').map(refOption),
    exceptSkus: exceptSkuLabels.join(', '),
    getTargets: p.getTargets.map(refOption),
    skipReducedLines: p.skipReducedLines,
    maxUnitsPerLine: num(p.maxUnitsPerLine),
    application: p.application,
    buyQuantity: num(p.buyQuantity),
    getQuantity: num(p.getQuantity),
    maxApplications: num(p.maxApplications),
    minSubtotal: cents(p.minSubtotalCents, locale),
    minItems: num(p.minItems),
    customerCondition: p.customerCondition,
    customerSegment: p.customerSegment ?? '',
    weekdays: (p.weekdays ?? []).map(String),
    dailyStart: minuteToTime(p.dailyStartMinute),
    dailyEnd: minuteToTime(p.dailyEndMinute),
    startsAt: p.startsAt ? utcToZonedLocal(p.startsAt) : '',
    endsAt: p.endsAt ? utcToZonedLocal(p.endsAt) : '',
    priority: p.priority === 0 ? '' : String(p.priority),
    combination: p.combination,
    code: p.code ?? '',
    channels: p.channels && p.channels.length > 0 ? p.channels : ['web', 'store'],
    usageLimit: num(p.usageLimit),
    perCustomerLimit: num(p.perCustomerLimit),
    budget: cents(p.budgetCents, locale),
  };
}
