'use client';

import { useSyncExternalStore } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';


export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
}

type Value = 'count' | 'money' | 'score';

export interface AnalyticsChartProps {
  kind: 'bar' | 'line';
  /** One object per x value: `x` is the label on the axis, each series key holds a number (cents for money). */
  data: Record<string, string | number | null>[];
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  /** Accessible name of the chart; the figures themselves are in the table next to it. */
  description: string;
  value?: Value;
  stacked?: boolean;
  locale: 'nl' | 'en';
}

function formatter(value: Value, locale: 'nl' | 'en') {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  if (value === 'money') {
    const f = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    return (v: unknown) => f.format(Number(v) / 100); // display only
  }
  const f = new Intl.NumberFormat(tag, { maximumFractionDigits: value === 'score' ? 2 : 0 });
  return (v: unknown) => f.format(Number(v));
}

const noSubscription = () => () => {};

/**
 * A recharts chart sized for the desktop admin (full width of its card, 320 px high), with labelled axes
 * and a legend. Rendered on the client only, after hydration: ResponsiveContainer measures its box, and
 * its sizes must be set from script — the CSP refuses inline style attributes in server HTML, which left
 * the container without a height and the chart undrawn. The server renders the empty box of the same
 * size, so the page does not jump. The chart is one image for assistive
 * technology (its name says the figures are in the table); recharts' keyboard layer is off so nothing
 * focusable hides inside it.
 */
export function AnalyticsChart({ kind, data, series, xLabel, yLabel, description, value = 'count', stacked = false, locale }: AnalyticsChartProps) {
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  const format = formatter(value, locale);
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
      <XAxis dataKey="x" tick={{ fill: '#44403c', fontSize: 12 }} label={{ value: xLabel, position: 'insideBottom', offset: -12, fill: '#292524', fontSize: 13 }} height={56} />
      <YAxis
        tickFormatter={format}
        tick={{ fill: '#44403c', fontSize: 12 }}
        width={88}
        domain={value === 'score' ? [0, 5] : undefined}
        allowDecimals={value !== 'count'}
        label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, fill: '#292524', fontSize: 13, style: { textAnchor: 'middle' } }}
      />
      <Tooltip formatter={(v) => format(v)} />
      <Legend verticalAlign="top" height={32} wrapperStyle={{ color: '#292524', fontSize: 13 }} />
    </>
  );
  return (
    <figure role="img" aria-label={description} className="h-80 w-full min-w-[36rem]">
      {mounted && (
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'bar' ? (
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
              {axes}
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
              {axes}
              {series.map((s) => (
                <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.colour} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
