import type { PromotionInput } from './schemas';

// What the admin promotion form's fields hold (checkbox groups and multi-selects as lists, everything
// else as text). Shared by the form components and admin-form.ts, so neither imports the other.

/** The segment select's options, in the order of lib/promotions/schemas CUSTOMER_SEGMENTS (S14). */
export const SEGMENT_OPTIONS = ['web_only', 'store_only', 'omnichannel', 'new', 'loyal', 'lapsed'] as const satisfies readonly NonNullable<PromotionInput['customerSegment']>[];

export interface PromotionFormValues {
  name: string;
  titleEn: string;
  titleNl: string;
  descriptionEn: string;
  descriptionNl: string;
  scope: PromotionInput['scope'];
  kind: PromotionInput['kind'];
  value: string;
  target: PromotionInput['target'];
  categoryId: string;
  productId: string;
  variantSku: string;
  /** "category:3" / "product:12" option values. */
  alsoTargets: string[];
  exceptTargets: string[];
  /** Comma-separated SKUs. */
  exceptSkus: string;
  getTargets: string[];
  skipReducedLines: boolean;
  maxUnitsPerLine: string;
  application: PromotionInput['application'];
  buyQuantity: string;
  getQuantity: string;
  maxApplications: string;
  minSubtotal: string;
  minItems: string;
  customerCondition: PromotionInput['customerCondition'];
  /** '' = no segment condition. */
  customerSegment: NonNullable<PromotionInput['customerSegment']> | '';
  /** ISO weekdays "1".."7". */
  weekdays: string[];
  dailyStart: string;
  dailyEnd: string;
  startsAt: string;
  endsAt: string;
  priority: string;
  combination: PromotionInput['combination'];
  code: string;
  channels: ('web' | 'store')[];
  usageLimit: string;
  perCustomerLimit: string;
  budget: string;
}

export const EMPTY_PROMOTION_FORM: PromotionFormValues = {
  name: '',
  titleEn: '',
  titleNl: '',
  descriptionEn: '',
  descriptionNl: '',
  scope: 'item',
  kind: 'percentage',
  value: '',
  target: 'all',
  categoryId: '',
  productId: '',
  variantSku: '',
  alsoTargets: [],
  exceptTargets: [],
  exceptSkus: '',
  getTargets: [],
  skipReducedLines: false,
  maxUnitsPerLine: '',
  application: 'each_line',
  buyQuantity: '',
  getQuantity: '',
  maxApplications: '',
  minSubtotal: '',
  minItems: '',
  customerCondition: 'any',
  customerSegment: '',
  weekdays: [],
  dailyStart: '',
  dailyEnd: '',
  startsAt: '',
  endsAt: '',
  priority: '',
  combination: 'exclusive',
  code: '',
  // Omnichannel by default (DESIGN invariant 2): both boxes start checked.
  channels: ['web', 'store'],
  usageLimit: '',
  perCustomerLimit: '',
  budget: '',
};
