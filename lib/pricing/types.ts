/**
 * Types of the pure price function. Money is always integer euro cents (VAT included, as in the
 * catalog); VAT rates are basis points (2100 = 21%).
 */

export type Channel = 'web' | 'store';
export type Fulfilment = 'delivery' | 'pickup' | 'in_store';
export type TaxClass = 'standard' | 'reduced' | 'zero';
/**
 * percentage: value = whole percent 1..100. fixed_amount: cents off PER UNIT for item / BXGY promotions
 * (capped at the unit price), cents off the whole goods total (order) or delivery (shipping).
 * fixed_per_line: cents off each targeted line (item scope only), capped at the line.
 */
export type PromotionKind = 'percentage' | 'fixed_amount' | 'fixed_per_line';
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

/** What a promotion discounts. */
export type PromotionScope = 'item' | 'order' | 'shipping' | 'buy_x_get_y';
/**
 * exclusive: applies on its own — for item promotions each line gets the best single exclusive one (the
 * rule from before the engine), any other exclusive promotion competes alone; combinable: stacks with every
 * other combinable promotion and with codes; with_codes: stacks only with code promotions.
 */
export type PromotionCombination = 'exclusive' | 'combinable' | 'with_codes';
export type CustomerCondition = 'any' | 'signed_in' | 'first_order' | 'loyalty_member';
export type CustomerSegment = 'web_only' | 'store_only' | 'omnichannel' | 'new' | 'loyal' | 'lapsed';
/** each_line: every targeted line; cheapest_line: once per order, on the cheapest targeted line only. */
export type PromotionApplication = 'each_line' | 'cheapest_line';

export interface LocalizedText {
  en: string;
  nl: string;
}

export interface PromotionTargetRef {
  type: PromotionTarget;
  /** null only for 'all'. */
  id: number | null;
}

/** Usage so far, loaded with the candidate (lib/promotions); the engine refuses a used-up code. */
export interface PromotionUsage {
  /** Orders that used it (not released). */
  usedCount: number;
  /** Σ discount given so far, cents (for the budget). */
  discountGivenCents: number;
  /** Uses by the customer in the context (0 when none / unknown). */
  usedByCustomer: number;
}

export interface PromotionCandidate {
  id: number;
  /** Internal name (admin); shoppers see `title` in their language. */
  name: string;
  kind: PromotionKind;
  value: number;
  /** Primary target; see `targets` for the full list. */
  target: PromotionTarget;
  /** Category, product or variant id for the matching target; ignored for 'all'. */
  targetId: number | null;
  // --- engine fields: all optional, a missing one means the behaviour from before the engine ---
  /** Default 'item'. */
  scope?: PromotionScope;
  /** Customer-facing name and description; default { en: name, nl: name }. */
  title?: LocalizedText;
  description?: LocalizedText | null;
  /** More targets besides target/targetId (a line matching any of them qualifies). */
  additionalTargets?: PromotionTargetRef[];
  /** Lines matching any of these never qualify. */
  exclusions?: PromotionTargetRef[];
  /** Item: skip lines an earlier promotion already reduced. */
  skipReducedLines?: boolean;
  maxUnitsPerLine?: number | null;
  application?: PromotionApplication;
  /** BXGY: buy X units of the targets … */
  buyQuantity?: number | null;
  /** … get Y units discounted by kind/value (percentage 100 = free), cheapest first. */
  getQuantity?: number | null;
  /** BXGY: the units that get the discount; empty = the same targets ("3 for 2"). */
  getTargets?: PromotionTargetRef[];
  maxApplications?: number | null;
  /** Goods total (of the targeted lines, after earlier promotions) must reach this, inclusive. */
  minSubtotalCents?: number | null;
  /** Number of targeted units must reach this, inclusive. */
  minItems?: number | null;
  customerCondition?: CustomerCondition;
  /** Only for customers in this segment (S14: lib/insight/segments); null/absent = no segment condition. */
  customerSegment?: CustomerSegment | null;
  /**
   * Set when this promotion is a variant of a running experiment (S11): it applies only when the context
   * assigns the person to that variant (`ctx.experimentVariants`); never otherwise.
   */
  experiment?: { experimentId: number; variantId: number } | null;
  /** ISO weekdays 1 (Mon) .. 7 in Europe/Amsterdam; null = every day. */
  weekdays?: number[] | null;
  /** Minutes after local midnight in Europe/Amsterdam, [start, end); null = all day. */
  dailyStartMinute?: number | null;
  dailyEndMinute?: number | null;
  /** Higher first; default 0. Ties: lower id first. */
  priority?: number;
  /** Default 'exclusive'. */
  combination?: PromotionCombination;
  usageLimit?: number | null;
  perCustomerLimit?: number | null;
  budgetCents?: number | null;
  usage?: PromotionUsage | null;
  /**
   * Set when this candidate is its promotion entered with one of its campaign codes (lib/promotions
   * gives such a candidate that code as `code`): how many uses the code itself has left. 0 → refused
   * 'used_up'. Absent / null for the promotion's own code and for automatic promotions.
   */
  codeUsesLeft?: number | null;
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

/** Facts about the customer that promotion conditions read (gathered by lib/promotions, never by priceCart). */
export interface CustomerFacts {
  signedIn: boolean;
  /** True when the customer has no earlier (non-cancelled) order; a guest counts as first order. */
  firstOrder: boolean;
  loyaltyMember: boolean;
  /** The customer's segments (S14), for promotions with a segment condition; absent = none. */
  segments?: readonly CustomerSegment[];
}

/** A manual discount at the counter: explicit input, priced by priceCart after the promotions. */
export interface StaffDiscountInput {
  kind: 'percentage' | 'fixed_amount';
  /** Whole percent 1..100, or cents. */
  value: number;
  reason: string;
}

export interface StaffDiscounts {
  /** On the whole cart (after promotions), allocated over the lines like an order discount. */
  cart?: StaffDiscountInput | null;
  /** Per line, by variant id (cart lines are one per variant). */
  lines?: Readonly<Record<number, StaffDiscountInput>> | null;
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
  /** undefined = anonymous guest facts ({ signedIn: false, firstOrder: true, loyaltyMember: false }). */
  customer?: CustomerFacts;
  staffDiscounts?: StaffDiscounts;
  /**
   * The person's experiment assignments (S11: lib/insight/experiments), experiment id → variant id, made
   * deterministically from the customer, visitor or cart. A variant promotion applies only when assigned.
   */
  experimentVariants?: Readonly<Record<number, number>>;
  /** How many codes a cart accepts (setting); codes beyond it are refused 'too_many_codes'. Default unlimited. */
  maxCodes?: number;
}

export type SavingSource = 'promotion' | 'staff';
export type SavingScope = PromotionScope | 'staff_line' | 'staff_cart';

/** One amount saved, with why: shown per line and per order, stored in the order snapshot. */
export interface Saving {
  source: SavingSource;
  /** null for a staff discount. */
  promotionId: number | null;
  scope: SavingScope;
  title: LocalizedText;
  /** Normalized code, or null (automatic / staff). */
  code: string | null;
  amountCents: number;
  /** Staff discounts: the reason given. */
  reason?: string | null;
}

/**
 * Why an entered code does not apply: unknown code, window (not_yet_valid / expired / outside the
 * Amsterdam weekly hours = not_now), wrong_channel, minimum_not_reached (goods total or items),
 * used_up (total limit or budget), already_used (per-customer limit), not_for_customer (customer
 * condition, or a per-customer limit without a known customer), too_many_codes, same_promotion (another
 * code entered on the cart already redeems the same promotion: it applies once). A code that is usable
 * but saves nothing on this cart (nothing qualifies, or a better exclusive one won) is accepted, as before.
 */
export type CodeRefusalReason =
  | 'unknown'
  | 'not_yet_valid'
  | 'expired'
  | 'not_now'
  | 'wrong_channel'
  | 'minimum_not_reached'
  | 'used_up'
  | 'already_used'
  | 'not_for_customer'
  | 'too_many_codes'
  | 'same_promotion';

export interface CodeRefusal {
  code: string;
  reason: CodeRefusalReason;
  /** minimum_not_reached: the minimum and what is missing (cents or items). */
  minSubtotalCents?: number | null;
  minItems?: number | null;
}

/** The promotion applied to a line, as shown to the shopper and stored in an order snapshot. */
export interface PromotionRef {
  id: number;
  name: string;
  title: LocalizedText;
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
  /** The promotion that saved the most on this line (the one before the engine), or null. */
  promotion: PromotionRef | null;
  /** Every saving on this line, in the order applied; Σ amountCents = discountCents. */
  savings: Saving[];
}

export interface VatLine {
  rateBp: number;
  /** Gross amount (VAT included) taxed at this rate; shipping counts in the standard rate. */
  grossCents: number;
  vatCents: number;
}

export interface AppliedPromotion extends PromotionRef {
  scope: PromotionScope;
  /** Sum of this promotion's discount over all lines it won (goods only). */
  discountCents: number;
  /** What it took off delivery (shipping promotions). */
  shippingDiscountCents: number;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Σ unitPriceCents × quantity, before discounts. */
  subtotalCents: number;
  /** Σ line discounts (promotions incl. allocated order discounts, and staff discounts). */
  discountCents: number;
  /** Delivery fee after shipping promotions. */
  shippingCents: number;
  /** Delivery fee before shipping promotions. */
  shippingBeforeDiscountCents: number;
  shippingDiscountCents: number;
  /** subtotalCents − discountCents + shippingCents. */
  totalCents: number;
  /** One entry per rate present, highest rate first. */
  vat: VatLine[];
  vatCents: number;
  /** Promotions that saved something, in the order applied. */
  appliedPromotions: AppliedPromotion[];
  /** Per order: one entry per promotion (goods + delivery together) and per staff discount, in order applied. */
  savings: Saving[];
  /**
   * Codes from the context, normalized (trimmed, upper-case) and de-duplicated, in input order.
   * accepted = the code's promotion is usable for this cart (even if it won no line); refusals say why not.
   */
  codes: { accepted: string[]; rejected: string[]; refusals: CodeRefusal[] };
}

export interface PricedUnit {
  /** Catalog unit price, VAT included. */
  unitPriceCents: number;
  /** Price of one unit after the best promotion. */
  finalUnitCents: number;
  discountCents: number;
  promotion: PromotionRef | null;
}
