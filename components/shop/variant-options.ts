// Pure helpers for the variant picker, shared by the page (server) and the picker (client).

export interface PickerVariant {
  id: number;
  size: string | null;
  color: string | null;
  /** Nothing available for delivery or pickup anywhere. */
  soldOut: boolean;
}

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** Which option dimensions the picker shows: one radio group per dimension with more than one value. */
export function optionDimensions(variants: PickerVariant[]): { sizes: string[]; colors: string[] } {
  const sizes = distinct(variants.map((v) => v.size));
  const colors = distinct(variants.map((v) => v.color));
  return { sizes: sizes.length > 1 ? sizes : [], colors: colors.length > 1 ? colors : [] };
}

/**
 * The variant the URL asks for: `?variant=<id>` (shareable), or `?size=…&color=…` as a form without
 * JavaScript submits it; else the first variant that is in stock, else the first.
 */
export function resolveVariant<V extends PickerVariant>(
  variants: V[],
  query: { variant?: string; size?: string; color?: string },
): V {
  const byId = variants.find((v) => String(v.id) === query.variant);
  if (byId) return byId;
  if (query.size || query.color) {
    const exact = variants.find(
      (v) => (!query.size || v.size === query.size) && (!query.color || v.color === query.color),
    );
    if (exact) return exact;
  }
  return variants.find((v) => !v.soldOut) ?? variants[0];
}

/**
 * The variant to show when one option changes: same value for the other option if that combination
 * exists, else the first variant with the chosen value (preferring one in stock).
 */
export function variantAfterChange<V extends PickerVariant>(
  variants: V[],
  current: V,
  change: { size: string } | { color: string },
): V | undefined {
  const matches = variants.filter((v) =>
    'size' in change ? v.size === change.size : v.color === change.color,
  );
  const same = matches.find((v) => ('size' in change ? v.color === current.color : v.size === current.size));
  return same ?? matches.find((v) => !v.soldOut) ?? matches[0];
}
