import { z } from 'zod';

// Relative imports only in this room's files that the seed loads (db/seed.ts runs under tsx).

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The seller's legal details printed on every invoice (Dutch invoice requirements: name, address, VAT
 * number; KvK number for a registered business). A snapshot is stored with each invoice at issue time,
 * so editing these later never changes an invoice already sent.
 */
export const sellerSettingSchema = z
  .object({
    legalName: text(200),
    street: text(200),
    postcode: text(20),
    city: text(100),
    country: z.string().trim().length(2).toUpperCase(),
    /** BTW-identificatienummer, e.g. NL123456789B01. */
    vatNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/),
    /** KvK-nummer: 8 digits. */
    cocNumber: z.string().trim().regex(/^\d{8}$/),
    email: z.email().max(200),
    phone: text(40),
    iban: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/)
      .optional(),
  })
  .strict();

export type SellerSetting = z.output<typeof sellerSettingSchema>;

/** How long an unpaid web order holds its reserved stock before a job cancels it. */
export const reservationSettingSchema = z.object({ holdMinutes: z.number().int().min(5).max(24 * 60) }).strict();

/** The shop's name as customers see it (headers, emails, receipts). */
export const shopSettingSchema = z.object({ name: text(100) }).strict();

const basisPoints = z.number().int().min(0).max(10000);
/** VAT rate per product tax class in basis points (2100 = 21 %); shipping is taxed at `standard`. */
export const vatSettingSchema = z.object({ standard: basisPoints, reduced: basisPoints, zero: basisPoints }).strict();

const cents = z.number().int().min(0).max(10_000_00);
/** Home delivery: the fee (VAT included) and the discounted goods total from which delivery is free. */
export const shippingSettingSchema = z.object({ deliveryFeeCents: cents, freeDeliveryThresholdCents: cents }).strict();

/**
 * Returns: how many days after collection / delivery / a counter sale goods may be returned; whether
 * shipping is refunded when the whole order comes back; how many months store credit stays valid
 * (0 = never expires). The later fields have defaults so a value stored before they existed still fits.
 */
export const returnsSettingSchema = z
  .object({
    windowDays: z.number().int().min(0).max(365),
    refundShippingOnFullReturn: z.boolean().default(true),
    storeCreditExpiryMonths: z.number().int().min(0).max(120).default(12),
  })
  .strict();

/** Points earned per whole paid euro of goods, and redemption in steps (default 100 points = € 1). */
export const loyaltySettingSchema = z
  .object({
    pointsPerEuro: z.number().int().min(0).max(100),
    redeemStepPoints: z.number().int().min(1).max(100_000),
    redeemStepCents: z.number().int().min(1).max(100_00),
  })
  .strict();

/** Stock is low when available <= this (unless a variant/location has its own threshold). */
export const stockSettingSchema = z.object({ lowStockThreshold: z.number().int().min(0).max(10_000) }).strict();

/**
 * Manual staff discounts at the counter: the largest discount each role may give, as a whole percent of
 * what it is given on (the line, or the cart's goods total) — an amount off counts by the percentage it
 * makes of that. 0 = the role may give none.
 */
export const staffDiscountSettingSchema = z
  .object({ clerkMaxPercent: z.number().int().min(0).max(100), adminMaxPercent: z.number().int().min(0).max(100) })
  .strict();

/** Analytics (S13): how many days customer events (touchpoints) are kept before a job deletes them. */
export const analyticsSettingSchema = z.object({ retentionDays: z.number().int().min(30).max(3650) }).strict();

/**
 * Every setting: its schema and the value used until an admin sets one (and that the seed writes). A
 * key not listed here cannot be read or written.
 */
export const SETTINGS = {
  seller: {
    schema: sellerSettingSchema,
    defaults: {
      legalName: 'Omnishop B.V.',
      street: 'Kalverstraat 112',
      postcode: '1012 PK',
      city: 'Amsterdam',
      country: 'NL',
      vatNumber: 'NL004495445B01',
      cocNumber: '12345678',
      email: 'administratie@omnishop.test',
      phone: '+31 20 123 4567',
      iban: 'NL91ABNA0417164300',
    } satisfies SellerSetting,
  },
  reservations: {
    schema: reservationSettingSchema,
    defaults: { holdMinutes: 30 },
  },
  shop: { schema: shopSettingSchema, defaults: { name: 'Omnishop' } },
  vat: { schema: vatSettingSchema, defaults: { standard: 2100, reduced: 900, zero: 0 } },
  shipping: { schema: shippingSettingSchema, defaults: { deliveryFeeCents: 495, freeDeliveryThresholdCents: 5000 } },
  returns: { schema: returnsSettingSchema, defaults: { windowDays: 30, refundShippingOnFullReturn: true, storeCreditExpiryMonths: 12 } },
  loyalty: { schema: loyaltySettingSchema, defaults: { pointsPerEuro: 1, redeemStepPoints: 100, redeemStepCents: 100 } },
  stock: { schema: stockSettingSchema, defaults: { lowStockThreshold: 2 } },
  staffDiscounts: { schema: staffDiscountSettingSchema, defaults: { clerkMaxPercent: 10, adminMaxPercent: 100 } },
  analytics: { schema: analyticsSettingSchema, defaults: { retentionDays: 395 } },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}
