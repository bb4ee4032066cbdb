import { siteUrl } from './urls';

export interface JsonLdOffer {
  sku: string;
  /** The price as lib/pricing gave it (finalUnitCents), in euro cents. */
  priceCents: number;
  inStock: boolean;
  variantId: number;
}

export interface JsonLdProductInput {
  origin: string;
  slug: string;
  name: string;
  description: string;
  brand: string;
  category: string;
  imageUrls: string[];
  offers: JsonLdOffer[];
}

/** Cents as schema.org wants a price: "1299" → "12.99" (integer arithmetic, no float rounding). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** schema.org Product with one Offer per variant (price in EUR, availability). https://schema.org/Product */
export function buildProductJsonLd(input: JsonLdProductInput) {
  const url = siteUrl(input.origin, `/products/${encodeURIComponent(input.slug)}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: input.name,
    description: input.description || undefined,
    brand: { '@type': 'Brand', name: input.brand },
    category: input.category,
    image: input.imageUrls.map((u) => new URL(u, input.origin).toString()),
    url,
    offers: input.offers.map((o) => ({
      '@type': 'Offer',
      sku: o.sku,
      url: `${url}?variant=${o.variantId}`,
      price: centsToDecimal(o.priceCents),
      priceCurrency: 'EUR',
      availability: o.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
    })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
