import 'server-only';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { variants } from '@/db/schema';
import { loadPriceLines, type CatalogLocale } from '@/lib/catalog/queries';
import {
  priceCart,
  type Channel,
  type CodeRefusal,
  type CustomerFacts,
  type Fulfilment,
  type PromotionCandidate,
  type Saving,
} from '@/lib/pricing';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { loadPromotionCandidates } from './queries';
import type { PromotionInput } from './schemas';

// The admin form's live preview on a sample cart the admin edits. Priced by priceCart itself, with the
// promotion being edited as a candidate (and, when asked, every promotion running now beside it), so
// what the preview shows is what the web cart, the counter and the receipt will charge.

export type SampleCustomer = 'guest' | 'signed_in' | 'first_order' | 'loyalty_member';

export interface SampleCart {
  lines: { sku: string; quantity: number }[];
  customer: SampleCustomer;
  channel: Channel;
  fulfilment: Fulfilment;
  /** Price beside the promotions running now (stacking), or this promotion alone. */
  withRunning: boolean;
}

export interface SamplePreviewLine {
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  savings: Saving[];
}

export interface SamplePreview {
  lines: SamplePreviewLine[];
  /** SKUs typed that match no product for sale. */
  unknownSkus: string[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  shippingDiscountCents: number;
  totalCents: number;
  savings: Saving[];
  /** What this promotion saved on the sample (goods + delivery); 0 = it does not apply. */
  thisPromotionCents: number;
  /** Why its code would be refused on this cart, when it has one and is refused. */
  refusal: CodeRefusal | null;
}

/** The id the promotion being previewed carries (a new one has none yet); never a real row's id. */
export const PREVIEW_ID = -1;

const FACTS: Record<SampleCustomer, CustomerFacts> = {
  guest: { signedIn: false, firstOrder: true, loyaltyMember: false },
  signed_in: { signedIn: true, firstOrder: false, loyaltyMember: false },
  first_order: { signedIn: true, firstOrder: true, loyaltyMember: false },
  loyalty_member: { signedIn: true, firstOrder: false, loyaltyMember: true },
};

/** The form's promotion as priceCart's candidate: titles fall back to the internal name; window and usage left out. */
export function inputToCandidate(p: PromotionInput, id: number): PromotionCandidate {
  return {
    id,
    name: p.name,
    kind: p.kind,
    value: p.value,
    target: p.target,
    targetId: p.targetId,
    scope: p.scope,
    title: { en: p.titleEn ?? p.name, nl: p.titleNl ?? p.name },
    description: p.descriptionEn || p.descriptionNl ? { en: p.descriptionEn ?? '', nl: p.descriptionNl ?? '' } : null,
    additionalTargets: p.additionalTargets,
    exclusions: p.exclusions,
    skipReducedLines: p.skipReducedLines,
    maxUnitsPerLine: p.maxUnitsPerLine,
    application: p.application,
    buyQuantity: p.buyQuantity,
    getQuantity: p.getQuantity,
    getTargets: p.getTargets,
    maxApplications: p.maxApplications,
    minSubtotalCents: p.minSubtotalCents,
    minItems: p.minItems,
    customerCondition: p.customerCondition,
    // The preview shows the discount itself: the dates and weekly hours are left out (the note says so).
    weekdays: null,
    dailyStartMinute: null,
    dailyEndMinute: null,
    startsAt: null,
    endsAt: null,
    priority: p.priority,
    combination: p.combination,
    usageLimit: null,
    perCustomerLimit: null,
    budgetCents: null,
    usage: null,
    code: p.code,
    channels: p.channels,
  };
}

/**
 * Prices the sample cart with the promotion (as `PREVIEW_ID`, its code entered when it has one) and,
 * when `withRunning`, every promotion running now except the one being edited (`editingId`).
 */
export async function previewSampleCart(
  db: DbOrTx,
  promotion: PromotionInput,
  sample: SampleCart,
  options: { locale: CatalogLocale; now?: Date; editingId?: number },
): Promise<SamplePreview> {
  const now = options.now ?? new Date();
  const skus = [...new Set(sample.lines.map((l) => l.sku))];
  const found = skus.length
    ? await db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))
    : [];
  const idBySku = new Map(found.map((v) => [v.sku, v.id]));
  const items = sample.lines.flatMap((l) => {
    const variantId = idBySku.get(l.sku);
    return variantId ? [{ variantId, quantity: l.quantity }] : [];
  });
  const [loaded, running, pricing] = await Promise.all([
    loadPriceLines(db, items, options.locale, now),
    sample.withRunning ? loadPromotionCandidates(db, now) : Promise.resolve([]),
    getPricingConfig(db),
  ]);
  const lines = loaded.filter((l) => l.active);
  const candidate = inputToCandidate(promotion, PREVIEW_ID);
  const others = running.filter((p) => p.id !== options.editingId);
  const priced = priceCart(lines, [candidate, ...others], {
    channel: sample.channel,
    now,
    codes: promotion.code ? [promotion.code] : [],
    fulfilment: sample.fulfilment,
    customer: FACTS[sample.customer],
    pricing,
  });
  const mine = priced.appliedPromotions.find((a) => a.id === PREVIEW_ID);
  return {
    lines: priced.lines.map((l, i) => ({
      sku: lines[i].sku,
      productName: lines[i].productName,
      variantLabel: lines[i].variantLabel,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: l.lineTotalCents,
      savings: l.savings,
    })),
    unknownSkus: skus.filter((s) => !idBySku.has(s) || !lines.some((l) => l.sku === s)),
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    shippingCents: priced.shippingCents,
    shippingDiscountCents: priced.shippingDiscountCents,
    totalCents: priced.totalCents,
    savings: priced.savings,
    thisPromotionCents: mine ? mine.discountCents + mine.shippingDiscountCents : 0,
    refusal: promotion.code ? (priced.codes.refusals.find((r) => r.code === promotion.code) ?? null) : null,
  };
}
