import { describe, expect, it } from 'vitest';
import { priceUnit } from '@/lib/pricing';
import { buildProductJsonLd, centsToDecimal, jsonLdText } from './product-json-ld';
import { buildProductMetadata, metaDescription } from './product-metadata';
import { buildRobots } from './robots';
import { buildSitemap } from './sitemap';
import { languageAlternates } from './urls';

const origin = 'https://shop.example';

describe('robots.txt', () => {
  it('keeps crawlers out of staff, API and private pages and points at the sitemap', () => {
    expect(buildRobots(origin)).toEqual({
      rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/counter', '/api', '/account', '/checkout'] }],
      sitemap: 'https://shop.example/sitemap.xml',
    });
  });
});

describe('sitemap.xml', () => {
  it('lists home, catalog, stores and every product, each with nl/en alternates', () => {
    const updatedAt = new Date('2026-11-30T10:00:00Z');
    const map = buildSitemap(origin, [{ slug: 'trail-runner', updatedAt }]);
    expect(map.map((e) => e.url)).toEqual([
      'https://shop.example/',
      'https://shop.example/products',
      'https://shop.example/stores',
      'https://shop.example/products/trail-runner',
    ]);
    expect(map[3]).toMatchObject({ lastModified: updatedAt });
    expect(map[3].alternates?.languages).toEqual({
      nl: 'https://shop.example/products/trail-runner?lang=nl',
      en: 'https://shop.example/products/trail-runner?lang=en',
      'x-default': 'https://shop.example/products/trail-runner',
    });
    expect(map.some((e) => /admin|counter|checkout|account|api/.test(e.url))).toBe(false);
  });
});

describe('product JSON-LD', () => {
  const promotionFree = (cents: number) =>
    priceUnit({ variantId: 1, productId: 1, categoryId: 1, unitPriceCents: cents, taxClass: 'standard' }, [], { channel: 'web', now: new Date() }).finalUnitCents;

  it('is a schema.org Product with one EUR offer per variant and its availability', () => {
    const ld = buildProductJsonLd({
      origin,
      slug: 'trail-runner',
      name: 'Trail Runner',
      description: 'Grippy.',
      brand: 'Acme',
      category: 'Shoes',
      imageUrls: ['/images/trail-runner-black.svg'],
      offers: [
        { variantId: 7, sku: 'SH-1-41', priceCents: promotionFree(8995), inStock: true },
        { variantId: 8, sku: 'SH-1-42', priceCents: 1005, inStock: false },
      ],
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Trail Runner',
      brand: { '@type': 'Brand', name: 'Acme' },
      image: ['https://shop.example/images/trail-runner-black.svg'],
      url: 'https://shop.example/products/trail-runner',
    });
    expect(ld.offers).toEqual([
      expect.objectContaining({ '@type': 'Offer', sku: 'SH-1-41', price: '89.95', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', url: 'https://shop.example/products/trail-runner?variant=7' }),
      expect.objectContaining({ sku: 'SH-1-42', price: '10.05', availability: 'https://schema.org/OutOfStock' }),
    ]);
  });

  it('writes cents as decimals without float rounding, and cannot close its script element', () => {
    expect([0, 5, 99, 100, 1999, 123456].map(centsToDecimal)).toEqual(['0.00', '0.05', '0.99', '1.00', '19.99', '1234.56']);
    expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
    expect(JSON.parse(jsonLdText({ name: '</script>' }))).toEqual({ name: '</script>' });
  });
});

describe('product metadata', () => {
  it('has title, description, canonical, hreflang and OpenGraph with image and price', () => {
    const meta = buildProductMetadata({
      origin,
      locale: 'nl',
      slug: 'trail-runner',
      name: 'Trailloper',
      brand: 'Acme',
      description: 'Stevig.',
      priceCents: 8995,
      image: { url: '/images/trail-runner-red.svg', alt: 'Rood' },
    });
    expect(meta.title).toBe('Trailloper');
    expect(meta.description).toBe('Stevig.');
    expect(meta.alternates).toEqual({ canonical: 'https://shop.example/products/trail-runner', languages: languageAlternates(origin, '/products/trail-runner') });
    expect(meta.openGraph).toMatchObject({ locale: 'nl_NL', images: [{ url: 'https://shop.example/images/trail-runner-red.svg', alt: 'Rood' }] });
    expect(meta.other).toEqual({ 'product:price:amount': '89.95', 'product:price:currency': 'EUR' });
  });

  it('cuts a long description at a word, and falls back to brand and name', () => {
    const long = metaDescription('word '.repeat(80), 'x');
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('word…')).toBe(true);
    expect(metaDescription('  ', 'Acme Trail Runner')).toBe('Acme Trail Runner');
  });
});
