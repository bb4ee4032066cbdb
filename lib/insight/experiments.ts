import { createHash } from 'node:crypto';

/**
 * Experiment assignment (S11), pure: who a person is for an experiment (the subject) and which variant
 * that subject gets. Deterministic — a hash, no stored assignment — so the same person gets the same
 * variant on the web, on every device once signed in, and at the counter once identified.
 */

/** The buckets a subject hashes into: weights are whole percent, so 100 buckets per percent point. */
export const BUCKETS = 10_000;

export interface SubjectInput {
  /** The known customer: signed in on the web, attached to the sale at the counter. */
  customerId?: number | null;
  /** The first-party analytics visitor id (only with analytics consent; web only). */
  visitorId?: string | null;
  /** The cart: the fallback for an anonymous shopper without consent and for an anonymous counter sale. */
  cartId: string;
}

/** 'customer:<id>' when known, else 'visitor:<id>', else 'cart:<id>'. */
export function experimentSubject(input: SubjectInput): string {
  if (input.customerId != null) return `customer:${input.customerId}`;
  if (input.visitorId) return `visitor:${input.visitorId}`;
  return `cart:${input.cartId}`;
}

/** The subject's bucket 0..9999 for this experiment: the first 32 bits of sha256(`<experimentId>:<subject>`). */
export function assignmentBucket(experimentId: number, subject: string): number {
  const digest = createHash('sha256').update(`${experimentId}:${subject}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

export interface WeightedVariant {
  id: number;
  /** Whole percent; the variants of an experiment add up to 100. */
  weightPercent: number;
}

/**
 * The variant of `subject`: its bucket falls in the variant's slice of the cumulative weights, in the
 * given (creation) order. Null only when the weights do not reach the bucket (never for a valid experiment).
 */
export function assignVariant<V extends WeightedVariant>(experimentId: number, subject: string, variants: readonly V[]): V | null {
  const bucket = assignmentBucket(experimentId, subject);
  let upper = 0;
  for (const v of variants) {
    upper += v.weightPercent * (BUCKETS / 100);
    if (bucket < upper) return v;
  }
  return null;
}
