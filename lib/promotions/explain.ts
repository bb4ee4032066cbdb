// Pure: turns what priceCart saved into words for people. No prices are computed here.
import type { CodeRefusal, LocalizedText, Saving } from '@/lib/pricing';

type Locale = 'nl' | 'en';

/** The savings a line shows as its own; order-wide ones (order, shipping, staff cart) show once, with the totals. */
export const LINE_SCOPES: ReadonlySet<Saving['scope']> = new Set(['item', 'buy_x_get_y', 'staff_line']);

/** The text in the shopper's language; an empty translation falls back to the other language. */
export function localizedText(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  const own = text[locale]?.trim();
  if (own) return own;
  return (locale === 'nl' ? text.en : text.nl)?.trim() ?? '';
}

/** The shape shown by the savings lists: a live Saving, or one from an order snapshot. */
export type SavingView = Pick<Saving, 'source' | 'scope' | 'title' | 'code' | 'amountCents'> & { reason?: string | null };

/**
 * Savings of one promotion or staff discount merged into one row each (the same promotion can appear
 * once per line in a snapshot), in the order first applied.
 */
export function mergeSavings<S extends SavingView & { promotionId: number | null }>(savings: readonly S[]): S[] {
  const out: S[] = [];
  for (const s of savings) {
    const same = out.find(
      (o) => o.source === s.source && o.promotionId === s.promotionId && o.scope === s.scope && o.reason === s.reason,
    );
    if (same) same.amountCents += s.amountCents;
    else out.push({ ...s });
  }
  return out.filter((s) => s.amountCents > 0);
}

/** The `errors.codeRefused.*` message key and its values for a refused code (see CodeRefusalReason). */
export function codeRefusalMessage(refusal: CodeRefusal | undefined): { key: string; values: Record<string, string | number> } {
  const reason = refusal?.reason ?? 'unknown';
  if (reason === 'minimum_not_reached' && refusal?.minSubtotalCents) {
    // Euros for the message's currency format; display only.
    return { key: 'codeRefused.minimumTotal', values: { minimum: refusal.minSubtotalCents / 100 } };
  }
  if (reason === 'minimum_not_reached' && refusal?.minItems) {
    return { key: 'codeRefused.minimumItems', values: { count: refusal.minItems } };
  }
  return { key: `codeRefused.${reason}`, values: {} };
}
