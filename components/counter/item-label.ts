import type { useTranslations } from 'next-intl';

type ColorTranslator = ReturnType<typeof useTranslations<'shop.colors'>>;

/**
 * "36-40 · Red" / "36-40 · Rood": size and colour in the clerk's language (colours are stored in
 * English; the shop's colour names are reused so both surfaces say the same). '' when it has neither.
 */
export function variantText(t: ColorTranslator, v: { size: string | null; color: string | null }): string {
  const color = v.color ? (t.has(v.color as never) ? t(v.color as never) : v.color) : null;
  return [v.size, color].filter(Boolean).join(' · ');
}

/** "Product variant" as used in accessible names ("Add Trail Runner 42 · Black"); no variant, no trailing space. */
export function itemLabel(productName: string, variant: string): string {
  return variant ? `${productName} ${variant}` : productName;
}

/** An order snapshot's variant label ("36-40 / Red", colours in English) in the clerk's language. */
export function snapshotVariantText(t: ColorTranslator, label: string): string {
  return label
    .split(/\s*[/·]\s*/)
    .filter(Boolean)
    .map((part) => (t.has(part as never) ? t(part as never) : part))
    .join(' · ');
}
