// Not in the chart's 'use client' module: a server component importing a value from there gets a
// client reference, not the array (every series was drawn black).

/**
 * Colours for series, each with at least 4.5:1 contrast on white (Tailwind 700 shades), in an order that
 * keeps neighbours apart for colour-blind readers (blue, amber, green, violet…).
 */
export const SERIES_COLOURS = [
  '#1d4ed8',
  '#b45309',
  '#047857',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#4d7c0f',
  '#a21caf',
];
