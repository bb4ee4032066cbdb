import type { useTranslations } from 'next-intl';

type ColorTranslator = ReturnType<typeof useTranslations<'shop.colors'>>;

/** A colour name in the shopper's language (colours are stored in English); unknown ones as stored. */
export function colorName(t: ColorTranslator, color: string): string {
  return t.has(color as never) ? t(color as never) : color;
}

/** "42 · Black" / "42 · Zwart" from a variant's size and colour; '' when it has neither. */
export function variantText(t: ColorTranslator, v: { size: string | null; color: string | null }): string {
  return [v.size, v.color ? colorName(t, v.color) : null].filter(Boolean).join(' · ');
}

/** A stored variant label ("43 / Black", "42 · Black") with its colour in the shopper's language. */
export function translateVariantLabel(t: ColorTranslator, label: string): string {
  return label
    .split(/\s[/·]\s/)
    .map((part) => colorName(t, part))
    .join(' · ');
}
