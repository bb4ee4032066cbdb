/**
 * Types of the pure price function. Money is always integer euro cents (VAT included, as in the
 * catalog); VAT rates are basis points (2100 = 21%).
 */

export type Channel = 'web' | 'store';
export type Fulfilment = 'delivery' | 'pickup' | 'in_store';
export type TaxClass = 'standard' | 'reduced' | 'zero';
/** percentage: value = whole percent 1..100; fixed_amount: value = cents off PER UNIT, capped at the unit price. */
export type PromotionKind = 'percentage' | 'fixed_amount';
export type PromotionTarget = 'all' | 'category' | 'product' | 'variant';
export type PromotionStatus = 'scheduled' | 'active' | 'ended';

export interface PriceLineInput {
  variantId: number;
  productId: number;
  categoryId: number;
  quantity: number;
  /** Catalog unit price, VAT included, integer cents. */
  unitPriceCents: number;
  taxClass: TaxClass;
}

export interface PromotionCandidate {
  id: number;
  name: string;
  kind: PromotionKind;
  value: number;
  target: PromotionTarget;
  /** Category, product or variant id for the matching target; ignored for 'all'. */
  targetId: number | null;
  /** Inclusive start; null = open-ended. */
  startsAt: Date | null;
  /** Exclusive end; null = open-ended. */
  endsAt: Date | null;
  /** null (or blank) = applied automatically; otherwise only when the shopper enters the code. */
  code: string | null;
  /** null or empty = all channels (omnichannel by default, DESIGN invariant 2). */
  channels: Channel[] | null;
}

/**
 * The rates and fees that settings can change (admin → Settings). Passed in by the caller, read once per
 * request, so the same cart costs the same on every surface and priceCart never reads a database.
 */
export interface PricingConfig {
  /** VAT per product tax class in basis points (2100 = 21%); shipping is taxed at `standard`. */
  vatRatesBp: Readonly<Record<TaxClass, number>>;
  /** Home delivery fee, VAT included. */
  deliveryFeeCents: number;
  /** Delivery is free from this discounted goods total (inclusive). */
  freeDeliveryThresholdCents: number;
}

export interface PriceContext {
  channel: Channel;
  now: Date;
  codes?: string[];
  /** undefined = no shipping is computed (shippingCents 0), e.g. a cart preview. */
  fulfilment?: Fulfilment;
  customerId?: number | null;
  locationId?: number | null;
  /** VAT rates and delivery fee from settings; undefined = DEFAULT_PRICING_CONFIG (the shipped defaults). */
  pricing?: PricingConfig;
}

/** The promotion applied to a line, as shown to the shopper and stored in an order snapshot. */
export interface PromotionRef {
  id: number;
  name: string;
  /** Normalized (upper-case) code, or null for an automatic promotion. */
  code: string | null;
}

export interface PricedLine {
  variantId: number;
  productId: number;
  categoryId: number;
  quantity: number;
  taxClass: TaxClass;
  /** Catalog unit price, VAT included. */
  unitPriceCents: number;
  /** Discount on the whole line (not per unit). */
  discountCents: number;
  /** unitPriceCents × quantity − discountCents, VAT included. */
  lineTotalCents: number;
  /** Effective unit price after discount: exact when lineTotalCents divides by quantity, else rounded (display only). */
  unitNetPriceCents: number;
  vatRateBp: number;
  /** VAT contained in lineTotalCents, rounded once for the line. */
  vatCents: number;
  promotion: PromotionRef | null;
}

export interface VatLine {
  rateBp: number;
  /** Gross amount (VAT included) taxed at this rate; shipping counts in the standard rate. */
  grossCents: number;
  vatCents: number;
}

export interface AppliedPromotion extends PromotionRef {
  /** Sum of this promotion's discount over all lines it won. */
  discountCents: number;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Σ unitPriceCents × quantity, before discounts. */
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** subtotalCents − discountCents + shippingCents. */
  totalCents: number;
  /** One entry per rate present, highest rate first. */
  vat: VatLine[];
  vatCents: number;
  appliedPromotions: AppliedPromotion[];
  /** Codes from the context, normalized (trimmed, upper-case) and de-duplicated, in input order. */
  codes: { accepted: string[]; rejected: string[] };
}

export interface PricedUnit {
  /** Catalog unit price, VAT included. */
  unitPriceCents: number;
  /** Price of one unit after the best promotion. */
  finalUnitCents: number;
  discountCents: number;
  promotion: PromotionRef | null;
}
