import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { parseEuroToCents } from '@/lib/money/euros';
import { isValidEan13 } from './ean';

// Admin catalog forms. Everything arrives as text from FormData; the output is what the database
// stores (cents, upper-case SKUs, lower-case slugs, booleans from checkboxes).

// A lone UTF-16 surrogate is no text: it could not go into the audit log's JSON (before/after).
const wellFormed = (v: string) => v.isWellFormed();
const text = (max: number) => z.string('validation.required').trim().min(1, 'validation.required').max(max).refine(wellFormed, 'validation.invalid');
const optionalText = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string('validation.invalid').trim().max(max).refine(wellFormed, 'validation.invalid'));
/** A checkbox: 'on' (or 'true') when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU_RE = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;

/** A slug, lower-cased; one message per problem (empty, too long, or characters a link cannot have). */
export const slugSchema = z.string('validation.required').transform((value, ctx): string => {
  const slug = value.trim().toLowerCase();
  const problem = slug === '' ? 'validation.required' : slug.length > 100 ? 'validation.tooLong' : !SLUG_RE.test(slug) ? 'validation.catalog.slug' : null;
  if (problem) {
    if (problem === 'validation.tooLong') ctx.addIssue({ code: 'too_big', origin: 'string', maximum: 100, inclusive: true, message: problem, input: value });
    else ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return slug;
});

/** Euros incl. VAT as typed ("89,95" or "89.95") → cents; a minus sign gets its own message. */
export const priceSchema = z.string('validation.required').transform((value, ctx): number => {
  const typed = value.trim();
  if (typed === '') {
    ctx.addIssue({ code: 'custom', message: 'validation.required' });
    return z.NEVER;
  }
  if (/^-/.test(typed.replace(/^€\s*/, ''))) {
    ctx.addIssue({ code: 'custom', message: 'validation.catalog.priceNegative' });
    return z.NEVER;
  }
  const cents = parseEuroToCents(typed);
  if (cents === null || cents > 100_000_00) {
    ctx.addIssue({ code: 'custom', message: 'validation.catalog.price' });
    return z.NEVER;
  }
  return cents;
});

/** 13 digits with the right GS1 check digit; one message per problem (length first, then the digit). */
export const eanSchema = z.string('validation.required').transform((value, ctx): string => {
  const ean = value.trim();
  const problem = ean === '' ? 'validation.required' : !/^\d{13}$/.test(ean) ? 'validation.catalog.eanFormat' : !isValidEan13(ean) ? 'validation.catalog.eanChecksum' : null;
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return ean;
});

const productFields = {
  nameNl: text(120),
  nameEn: text(120),
  descriptionNl: optionalText(4000),
  descriptionEn: optionalText(4000),
  brand: text(80),
  slug: slugSchema,
  categoryId: idFromForm('validation.choice'),
  taxClass: z.enum(['standard', 'reduced', 'zero'], 'validation.choice'),
  active: checkbox,
};

export const createProductSchema = z.object(productFields).strict();
export const updateProductSchema = z.object({ id: idFromForm(), ...productFields }).strict();
export type ProductInput = z.output<typeof createProductSchema>;

const variantFields = {
  size: optionalText(20),
  // Stored as typed: the shop translates colours by their English name (shop.colors: "Black", "Navy").
  color: optionalText(30),
  sku: z
    .string('validation.required')
    .trim()
    .toUpperCase()
    .min(1, 'validation.required')
    .max(40)
    .regex(SKU_RE, 'validation.catalog.sku'),
  ean: eanSchema,
  price: priceSchema,
  active: checkbox,
};

export const createVariantSchema = z.object({ productId: idFromForm(), ...variantFields }).strict();
export const updateVariantSchema = z.object({ id: idFromForm(), ...variantFields }).strict();
export type VariantInput = Omit<z.output<typeof createVariantSchema>, 'productId'>;

export const setVariantActiveSchema = z.object({ id: idFromForm(), active: z.enum(['true', 'false']).transform((v) => v === 'true') }).strict();

const categoryFields = { nameNl: text(80), nameEn: text(80), slug: slugSchema };
export const createCategorySchema = z.object(categoryFields).strict();
export const updateCategorySchema = z.object({ id: idFromForm(), ...categoryFields }).strict();
export type CategoryInput = z.output<typeof createCategorySchema>;
export const moveCategorySchema = z.object({ id: idFromForm(), direction: z.enum(['up', 'down'], 'validation.choice') }).strict();

/** Largest upload accepted (bytes); the server action body limit in next.config.js leaves room for it. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const uploadImageSchema = z
  .object({
    productId: idFromForm(),
    file: z.instanceof(File, { message: 'validation.catalog.imageRequired' }).refine((f) => f.size > 0, 'validation.catalog.imageRequired'),
    altNl: text(200),
    altEn: text(200),
    // '' = shown for every colour; else exactly one of the product's variant colours.
    color: optionalText(30),
  })
  .strict();

export const deleteImageSchema = z.object({ id: idFromForm() }).strict();

export const schedulePriceSchema = z
  .object({
    variantId: idFromForm(),
    // A datetime-local value in Europe/Amsterdam; checked (and converted) by the mutation.
    startsAt: z.string('validation.required').trim().min(1, 'validation.required').max(25),
    price: priceSchema,
  })
  .strict();

export const cancelPriceChangeSchema = z.object({ id: idFromForm() }).strict();
