import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { utcToZonedLocal } from '@/lib/time/zoned';
import type { PromotionAdminDto } from './queries';
import { createPromotionSchema, type PromotionInput } from './schemas';

// The admin promotion form speaks in what a person sees — a category select, a product select, a
// variant *SKU* text field, checkboxes for channels — while the domain schema (schemas.ts) speaks in
// `target` + `targetId`. This file translates between them and delegates every rule to
// createPromotionSchema, so no validation rule lives twice.

const FORM_KEYS = [
  'name',
  'kind',
  'value',
  'target',
  'categoryId',
  'productId',
  'variantSku',
  'startsAt',
  'endsAt',
  'code',
  'channels',
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

/** SKUs are stored upper-case; people type them in any case. */
export function normalizeSku(v: unknown): string | null {
  const sku = text(v).toUpperCase();
  return sku === '' ? null : sku;
}

/** Stands in for the variant id until the action has looked the SKU up (it needs the database). */
const SKU_PENDING = 1;

export interface PromotionFormOutput {
  promotion: PromotionInput;
  /** Set when target = 'variant': the action resolves it to promotion.targetId. */
  variantSku: string | null;
}

function mapForm(
  raw: RawForm,
  ctx: z.RefinementCtx,
  options: { requireChannel: boolean },
): PromotionFormOutput {
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
    kind: raw.kind,
    value: raw.value ?? '',
    target: raw.target,
    targetId,
    startsAt: raw.startsAt,
    endsAt: raw.endsAt,
    code: raw.code,
    channels,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path[0] === 'targetId' && target ? [targetField(target)] : issue.path;
      ctx.addIssue({ ...issue, path } as z.core.$ZodRawIssue);
    }
    return z.NEVER;
  }
  return { promotion: parsed.data, variantSku: sku };
}

/** New promotion, from the admin form (FormData or an object). */
export const promotionFormSchema = formFields.transform((raw, ctx) =>
  mapForm(raw, ctx, { requireChannel: true }),
);

/** Edit of an existing promotion: the same form plus its id. */
export const promotionEditFormSchema = formFields
  .extend({ id: idFromForm() })
  .strict()
  .transform((raw, ctx) => ({ id: raw.id, ...mapForm(raw, ctx, { requireChannel: true }) }));

/**
 * The live preview gets the form as it is while being typed: name, window, code and channels do not
 * change an example price, so they are replaced by neutral values and only the discount and its
 * target are checked.
 */
export const promotionPreviewSchema = formFields.transform((raw, ctx) =>
  mapForm({ ...raw, name: 'preview', startsAt: '', endsAt: '', code: '', channels: [] }, ctx, {
    requireChannel: false,
  }),
);

/** Whole cents as the amount a person would type: 500 → "5,00" (nl) / "5.00" (en). Integer math, no float. */
export function centsToEuroInput(cents: number, locale: 'nl' | 'en'): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${euros}${locale === 'nl' ? ',' : '.'}${rest}`;
}

/** What the form's fields hold. Checkboxes as a list; everything else as text. */
export interface PromotionFormValues {
  name: string;
  kind: 'percentage' | 'fixed_amount';
  value: string;
  target: Target;
  categoryId: string;
  productId: string;
  variantSku: string;
  startsAt: string;
  endsAt: string;
  code: string;
  channels: ('web' | 'store')[];
}

export const EMPTY_PROMOTION_FORM: PromotionFormValues = {
  name: '',
  kind: 'percentage',
  value: '',
  target: 'all',
  categoryId: '',
  productId: '',
  variantSku: '',
  startsAt: '',
  endsAt: '',
  code: '',
  // Omnichannel by default (DESIGN invariant 2): both boxes start checked.
  channels: ['web', 'store'],
};

/** A stored promotion as form values: instants back in Amsterdam wall-clock time, cents back in euros. */
export function promotionToFormValues(p: PromotionAdminDto, locale: 'nl' | 'en'): PromotionFormValues {
  const id = p.targetId === null ? '' : String(p.targetId);
  return {
    name: p.name,
    kind: p.kind,
    value: p.kind === 'percentage' ? String(p.value) : centsToEuroInput(p.value, locale),
    target: p.target,
    categoryId: p.target === 'category' ? id : '',
    productId: p.target === 'product' ? id : '',
    variantSku: p.target === 'variant' ? (p.targetLabel ?? '') : '',
    startsAt: p.startsAt ? utcToZonedLocal(p.startsAt) : '',
    endsAt: p.endsAt ? utcToZonedLocal(p.endsAt) : '',
    code: p.code ?? '',
    channels: p.channels && p.channels.length > 0 ? p.channels : ['web', 'store'],
  };
}
