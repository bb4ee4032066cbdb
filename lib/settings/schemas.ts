import { z } from 'zod';
import { intFromForm, optionalIntFromForm } from '@/lib/actions/form-numbers';
import { euroCentsSchema } from '@/lib/money/euros';
import { ISO_WEEKDAYS } from '@/lib/locations/opening-hours';
import type { OpeningHours } from '@/db/schema/locations';

// The admin's settings forms: FormData strings → setting values. Messages are keys of the `validation`
// namespace; setSetting validates once more against the setting's own schema (lib/settings/keys.ts).

// A lone UTF-16 surrogate is no text: it could not go into the settings' JSON (nor the audit log's).
const wellFormed = (v: string) => v.isWellFormed();
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong').refine(wellFormed, 'validation.invalid');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const shopSellerFormSchema = z
  .object({
    shopName: text(100),
    legalName: text(200),
    street: text(200),
    postcode: text(20),
    city: text(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'validation.settings.country'),
    vatNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'validation.settings.vatNumber'),
    cocNumber: z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'validation.settings.cocNumber'),
    email: z.email('validation.email').max(200, 'validation.tooLong'),
    phone: text(40),
    iban: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .transform((v) => v.replace(/\s+/g, ''))
        .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'validation.settings.iban'))
        .optional(),
    ),
  })
  .strict();

/** "21", "9", "10,5" → basis points (2100, 900, 1050); at most two decimals, 0 to 100 %. */
export function parsePercentToBasisPoints(input: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.trim().replace(/\s*%$/, ''));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

const vatRate = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .transform((value, ctx) => {
    const bp = parsePercentToBasisPoints(value);
    if (bp === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.settings.vatRate' });
      return z.NEVER;
    }
    return bp;
  });

export const pricingFormSchema = z
  .object({
    vatStandard: vatRate,
    vatReduced: vatRate,
    vatZero: vatRate,
    deliveryFee: euroCentsSchema({ min: 0, max: 10_000_00 }),
    freeDeliveryThreshold: euroCentsSchema({ min: 0, max: 10_000_00 }),
  })
  .strict();

export const policiesFormSchema = z
  .object({
    holdMinutes: intFromForm({ min: 5, max: 24 * 60 }),
    returnWindowDays: intFromForm({ min: 0, max: 365 }),
    // A checkbox: "on" when shipping is refunded once the whole order has come back, absent when not.
    refundShippingOnFullReturn: z.literal('on', 'validation.invalid').optional(),
    // Blank or absent: the stored value stays. 0 = store credit never expires.
    storeCreditExpiryMonths: optionalIntFromForm({ min: 0, max: 120 }),
    lowStockThreshold: intFromForm({ min: 0, max: 10_000 }),
    pointsPerEuro: intFromForm({ min: 0, max: 100 }),
    redeemStepPoints: intFromForm({ min: 1, max: 100_000 }),
    redeemStepValue: euroCentsSchema({ min: 1, max: 100_00 }),
    // Blank or absent: the stored value stays.
    analyticsRetentionDays: optionalIntFromForm({ min: 30, max: 3650 }),
  })
  .strict();

/** Staff discounts at the counter: the maximum per role, in whole percent (lib/staff-discounts). */
export const staffDiscountFormSchema = z
  .object({
    clerkMaxPercent: intFromForm({ min: 0, max: 100 }),
    adminMaxPercent: intFromForm({ min: 0, max: 100 }),
  })
  .strict();

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One weekday's hours as typed: "09:00-12:00, 13:00-18:00" (several ranges; – or - between the times),
 * or empty for closed. Ranges must close after they open and must not overlap; they are stored sorted.
 */
export function parseDayHours(input: string): [string, string][] | null {
  const text = input.trim();
  if (text === '' ) return [];
  const ranges: [string, string][] = [];
  for (const part of text.split(/[,;]/)) {
    const m = /^\s*(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})\s*$/.exec(part);
    if (!m) return null;
    const [open, close] = [m[1], m[2]].map((t) => t.replace('.', ':').padStart(5, '0'));
    if (!TIME.test(open) || !TIME.test(close) || close <= open) return null;
    ranges.push([open, close]);
  }
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (let i = 1; i < ranges.length; i++) if (ranges[i][0] < ranges[i - 1][1]) return null;
  return ranges;
}

const dayHours = z
  .string()
  .max(200, 'validation.tooLong')
  .transform((value, ctx) => {
    const ranges = parseDayHours(value);
    if (ranges === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.settings.hours' });
      return z.NEVER;
    }
    return ranges;
  });

export const storeSettingsFormSchema = z
  .object({
    locationId: intFromForm({ min: 1, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
    hours1: dayHours,
    hours2: dayHours,
    hours3: dayHours,
    hours4: dayHours,
    hours5: dayHours,
    hours6: dayHours,
    hours7: dayHours,
    // A checkbox: "on" when pickup is offered, absent when not.
    pickupEnabled: z.literal('on', 'validation.invalid').optional(),
  })
  .strict()
  .transform(({ locationId, pickupEnabled, ...days }) => ({
    locationId,
    pickupEnabled: pickupEnabled === 'on',
    openingHours: Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, days[`hours${d}`]])) as OpeningHours,
  }));

export type StoreSettingsInput = z.output<typeof storeSettingsFormSchema>;

/** How a day's ranges are written in the form (the inverse of parseDayHours). */
export function formatDayHours(ranges: [string, string][]): string {
  return ranges.map(([open, close]) => `${open}-${close}`).join(', ');
}
