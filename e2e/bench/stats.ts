/** Small statistics for the benchmark: percentiles of one run, medians and ranges over rounds. */

/** The p-th percentile (0–100) of `values` by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

/** Median and range of one figure over the rounds (rounds that produced no value are left out). */
export function spread(rounds: readonly (number | null | undefined)[]): Spread | null {
  const values = rounds.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0) return null;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), rounds: values };
}

/** "12.3" with a sensible number of digits for the size of the value. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** "8.8 (8.1–9.4)": the median and the range over the rounds. */
export function fmtSpread(s: Spread | null): string {
  if (!s) return '–';
  return s.rounds.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
}
