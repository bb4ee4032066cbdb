import type { Metadata } from 'next';
import type { Locale } from '@/lib/i18n/config';
import { centsToDecimal } from './product-json-ld';
import { languageAlternates, siteUrl } from './urls';

export interface ProductMetadataInput {
  origin: string;
  locale: Locale;
  slug: string;
  name: string;
  brand: string;
  description: string;
  /** The shown variant's price from lib/pricing (finalUnitCents). */
  priceCents: number;
  image: { url: string; alt: string };
}

const OG_LOCALE: Record<Locale, string> = { nl: 'nl_NL', en: 'en_GB' };

/** A description of at most 160 characters, cut at a word. */
export function metaDescription(text: string, fallback: string): string {
  const clean = text.replace(/\s+/g, ' ').trim() || fallback;
  if (clean.length <= 160) return clean;
  const cut = clean.slice(0, 159);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 120))}…`;
}

/** Title, description, canonical, hreflang and OpenGraph (image and price) of a product page. */
export function buildProductMetadata(input: ProductMetadataInput): Metadata {
  const path = `/products/${encodeURIComponent(input.slug)}`;
  const description = metaDescription(input.description, `${input.brand} ${input.name}`);
  const image = { url: new URL(input.image.url, input.origin).toString(), alt: input.image.alt };
  return {
    title: input.name,
    description,
    alternates: { canonical: siteUrl(input.origin, path), languages: languageAlternates(input.origin, path) },
    openGraph: {
      type: 'website',
      url: siteUrl(input.origin, path),
      title: `${input.brand} ${input.name}`,
      description,
      locale: OG_LOCALE[input.locale],
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: input.name, description, images: [image.url] },
    // Open Graph product price (https://ogp.me, "product" vocabulary used by Facebook/Pinterest).
    other: { 'product:price:amount': centsToDecimal(input.priceCents), 'product:price:currency': 'EUR' },
  };
}
