/**
 * Splits `amount` (integer cents ≥ 0) over `weights` (integers ≥ 0) pro rata, so the parts add up to
 * exactly `amount` — the largest-remainder rule:
 *  1. every part gets floor(amount × weight / Σweights);
 *  2. the cents still missing go, one each, to the parts with the largest remainder of that division;
 *  3. equal remainders: the larger weight first, then the lower `tieKeys` value (a line's variant id), so
 *     the result does not depend on the order of the lines.
 * No part exceeds its weight when amount ≤ Σweights (a line never goes below zero). Σweights = 0 → all 0.
 */
export function allocateLargestRemainder(amount: number, weights: readonly number[], tieKeys?: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  if (amount <= 0 || total <= 0) return weights.map(() => 0);
  const parts: number[] = new Array(weights.length);
  const rests: number[] = new Array(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const product = amount * weights[i];
    // Exact for safe integers: amount and weights are cents well below 2^26 in practice; guard anyway.
    if (!Number.isSafeInteger(product)) throw new RangeError('allocation out of safe integer range');
    const rest = product % total;
    parts[i] = (product - rest) / total;
    rests[i] = rest;
    given += parts[i];
  }
  let missing = amount - given;
  if (missing > 0) {
    const order = weights.map((_, i) => i);
    order.sort((a, b) => rests[b] - rests[a] || weights[b] - weights[a] || (tieKeys ? tieKeys[a] - tieKeys[b] : 0) || a - b);
    for (const i of order) {
      if (missing === 0) break;
      if (weights[i] === 0) continue;
      parts[i] += 1;
      missing -= 1;
    }
  }
  return parts;
}
