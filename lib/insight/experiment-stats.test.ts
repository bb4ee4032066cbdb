import { describe, expect, it } from 'vitest';
import { compareArms, normalCdf, twoProportionZTest } from './experiment-stats';

describe('two-proportion z-test', () => {
  it('matches the textbook example', () => {
    // Agresti & Franklin, "Statistics: The Art and Science of Learning from Data", ch. 10 (comparing two
    // proportions), the exercise on the aspirin study's cancer deaths (reproduced at
    // solutioninn.com/in-the-study-for-cancer-death-rates-consider-the-null): placebo 347 of 11,535,
    // aspirin 327 of 14,035; "show that the pooled estimate is p̂ = 0.027 and the standard error 0.002,
    // the test statistic z = 3.5" — figures from the rounded proportions (0.030 − 0.023) / 0.002. Unrounded:
    // p̂ = 0.0264, se = 0.00201, z = 3.369, two-sided P = 0.00075 (< 0.001, as the book concludes).
    const r = twoProportionZTest({ exposed: 14_035, converted: 327 }, { exposed: 11_535, converted: 347 });
    expect(Math.abs(r.pooled - 0.027)).toBeLessThan(0.001);
    expect(r.standardError).toBeCloseTo(0.002, 3);
    expect(r.z).toBeCloseTo(3.369, 3);
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.pValue).toBeCloseTo(0.00075, 5);
  });

  it('matches a second worked example to four decimals', () => {
    // usablestats.com "askstats" question 866: 118 of 3,303 vs 80 of 3,303; pooled 0.02997, se 0.004196,
    // z = 2.742, two-sided p = 0.00611 (normal table).
    const r = twoProportionZTest({ exposed: 3303, converted: 80 }, { exposed: 3303, converted: 118 });
    expect(r.pooled).toBeCloseTo(0.02997, 5);
    expect(r.standardError).toBeCloseTo(0.004196, 6);
    expect(r.z).toBeCloseTo(2.742, 3);
    expect(r.pValue).toBeCloseTo(0.0061, 4);
  });

  it('has a normal CDF that is exact enough', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });

  it('gives the difference a 95% interval and waits for enough sample', () => {
    const c = compareArms({ exposed: 3303, converted: 80 }, { exposed: 3303, converted: 118 });
    const d = 118 / 3303 - 80 / 3303;
    expect(c.difference).toBeCloseTo(d, 10);
    const se = Math.sqrt(((80 / 3303) * (1 - 80 / 3303)) / 3303 + ((118 / 3303) * (1 - 118 / 3303)) / 3303);
    expect(c.ciLow).toBeCloseTo(d - 1.96 * se, 4);
    expect(c.ciHigh).toBeCloseTo(d + 1.96 * se, 4);
    expect(c.verdict).toBe('significant');
    // 29 exposed, or 4 conversions, in one arm: not yet, whatever p says.
    expect(compareArms({ exposed: 29, converted: 1 }, { exposed: 1000, converted: 500 }).verdict).toBe('insufficient');
    expect(compareArms({ exposed: 100, converted: 4 }, { exposed: 100, converted: 60 }).verdict).toBe('insufficient');
    expect(compareArms({ exposed: 100, converted: 10 }, { exposed: 100, converted: 12 }).verdict).toBe('not_significant');
    expect(compareArms({ exposed: 0, converted: 0 }, { exposed: 0, converted: 0 })).toMatchObject({ pValue: 1, verdict: 'insufficient' });
  });
});
