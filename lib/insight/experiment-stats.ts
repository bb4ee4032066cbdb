import { errorFunction } from 'simple-statistics';

/**
 * The significance of an experiment arm against the baseline (S11), pure. The conversion rates are
 * compared with the two-proportion z-test (pooled standard error under H0: p1 = p2) and the difference
 * gets a 95% Wald interval (unpooled standard error); the normal CDF comes from simple-statistics.
 */

/** The sample rule before a difference is called anything: each arm needs this many exposed and converted. */
export const MIN_EXPOSED_PER_ARM = 30;
export const MIN_CONVERSIONS_PER_ARM = 5;
export const SIGNIFICANCE_LEVEL = 0.05;
/** Φ⁻¹(0.975): simple-statistics' probit approximates it as 1.957, too coarse for an interval. */
const Z_95 = 1.959963984540054;

export interface Arm {
  /** Subjects exposed (n). */
  exposed: number;
  /** Of them, subjects that ordered (x). */
  converted: number;
}

export interface Comparison {
  /** Conversion rate of the arm minus the baseline's (a proportion, e.g. 0.012 = 1.2 points). */
  difference: number;
  ciLow: number;
  ciHigh: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** 'insufficient' until both arms meet the sample rule; then p < 0.05 decides. */
  verdict: 'insufficient' | 'significant' | 'not_significant';
}

/** Φ(z), the standard normal CDF, through simple-statistics' error function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Pooled two-proportion z-test of `arm` against `baseline`: z and the two-sided p-value. */
export function twoProportionZTest(baseline: Arm, arm: Arm): { z: number; pValue: number; pooled: number; standardError: number } {
  const { exposed: n1, converted: x1 } = baseline;
  const { exposed: n2, converted: x2 } = arm;
  if (n1 === 0 || n2 === 0) return { z: 0, pValue: 1, pooled: 0, standardError: 0 };
  const pooled = (x1 + x2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (standardError === 0) return { z: 0, pValue: 1, pooled, standardError };
  const z = (x2 / n2 - x1 / n1) / standardError;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { z, pValue, pooled, standardError };
}

/** Whether an arm has enough sample for a verdict (the rule shown on the analysis page). */
export function hasEnoughSample(arm: Arm): boolean {
  return arm.exposed >= MIN_EXPOSED_PER_ARM && arm.converted >= MIN_CONVERSIONS_PER_ARM;
}

/** The arm against the baseline: difference of the rates with its 95% interval, z, p and the verdict. */
export function compareArms(baseline: Arm, arm: Arm): Comparison {
  const p1 = baseline.exposed > 0 ? baseline.converted / baseline.exposed : 0;
  const p2 = arm.exposed > 0 ? arm.converted / arm.exposed : 0;
  const difference = p2 - p1;
  const se =
    baseline.exposed > 0 && arm.exposed > 0 ? Math.sqrt((p1 * (1 - p1)) / baseline.exposed + (p2 * (1 - p2)) / arm.exposed) : 0;
  const { z, pValue } = twoProportionZTest(baseline, arm);
  const verdict = !hasEnoughSample(baseline) || !hasEnoughSample(arm) ? 'insufficient' : pValue < SIGNIFICANCE_LEVEL ? 'significant' : 'not_significant';
  return { difference, ciLow: difference - Z_95 * se, ciHigh: difference + Z_95 * se, z, pValue, verdict };
}
