import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { PriceTag } from '@/components/shop/price-tag';
import { ProductReviews } from '@/components/shop/product-reviews';
import { OftenBoughtTogether } from '@/components/shop/recommendations';
import { ProductImage } from '@/components/shop/product-image';
import { colorName, variantText } from '@/components/shop/variant-text';
import { Badge } from '@/components/ui/card';
import { getProductImages } from '@/lib/catalog/images';
import { getProductBySlug, type CatalogLocale, type ProductDetailDto } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { getActor } from '@/lib/auth/session';
import { trackPageEvent } from '@/lib/insight/page-events';
import { preferredFirst, shopperPreferredStoreId } from '@/lib/identity/preferred-store';
import { getProductStock } from '@/lib/inventory/queries';
import { priceUnit, type PromotionCandidate } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { buildProductJsonLd, jsonLdText } from '@/lib/seo/product-json-ld';
import { buildProductMetadata } from '@/lib/seo/product-metadata';
import { siteOrigin } from '@/lib/seo/request-origin';
import { localizedText } from '@/lib/promotions/explain';
import { listStores } from '@/lib/locations/queries';
import { rememberedShopperOrigin } from '@/lib/locations/shopper-origin';
import { findStores } from '@/lib/locations/store-finder';
import { getMyReviewState, getReviewSummary, listProductReviews } from '@/lib/reviews/queries';
import { AddToCartForm } from './_components/add-to-cart-form';
import { Availability } from './_components/availability';
import { optionDimensions, resolveVariant, type PickerVariant } from '@/components/shop/variant-options';
import { VariantPicker } from './_components/variant-picker';

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The web price of a variant, from the one price function (the page, its metadata and its JSON-LD). */
function webUnitPrice(product: ProductDetailDto, variant: ProductDetailDto['variants'][number], promotions: PromotionCandidate[], now: Date) {
  return priceUnit(
    { variantId: variant.id, productId: product.id, categoryId: product.categoryId, unitPriceCents: variant.priceCents, taxClass: product.taxClass },
    promotions,
    { channel: 'web', now },
  );
}

// The page and its metadata read the product, its promotions and its photos once per request (React's
// request cache), at one moment: both show the same price.
const requestNow = cache(() => new Date());
const productBySlug = cache((slug: string, locale: CatalogLocale) => getProductBySlug(getDb(), slug, locale, requestNow()));
const promotionsNow = cache(() => loadPromotionCandidates(getDb(), requestNow()));
const photos = cache((productId: number, color: string | null, locale: CatalogLocale) => getProductImages(getDb(), productId, color, locale));

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const [{ slug }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const now = requestNow();
  const product = await productBySlug(slug, locale);
  if (!product || product.variants.length === 0) return {};
  // The variant the URL names (stock is not read here: the page itself marks what is sold out).
  const picked = resolveVariant(product.variants.map((v) => ({ ...v, soldOut: false })), { variant: one(query.variant), size: one(query.size), color: one(query.color) });
  const selected = product.variants.find((v) => v.id === picked.id)!;
  const [promotions, images, origin] = await Promise.all([promotionsNow(), photos(product.id, selected.color, locale), siteOrigin()]);
  return buildProductMetadata({
    origin,
    locale,
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    description: product.description,
    priceCents: webUnitPrice(product, selected, promotions, now).finalUnitCents,
    image: images[0] ?? { url: product.imagePath, alt: product.name },
  });
}

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const [{ slug }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const db = getDb();
  const now = requestNow();
  const product = await productBySlug(slug, locale);
  if (!product || product.variants.length === 0) notFound();
  const t = await getTranslations('shop.product');
  const tColors = await getTranslations('shop.colors');
  const actor = await getActor();
  // The touchpoint (S13), written after the response.
  await trackPageEvent({ type: 'product_view', productId: product.id, customerId: actor?.role === 'customer' ? actor.customerId : null });
  const [stock, promotions, reviewSummary, reviews, myReview] = await Promise.all([
    getProductStock(db, product.id),
    promotionsNow(),
    getReviewSummary(db, product.id),
    listProductReviews(db, product.id),
    getMyReviewState(db, product.id, actor),
  ]);

  // Orderable = in the warehouse (delivery) or in a store that hands out pickups.
  const stockByVariant = new Map(stock.map((s) => [s.variantId, s.locations]));
  const orderable = (variantId: number) =>
    (stockByVariant.get(variantId) ?? []).some(
      (l) => l.available > 0 && (l.kind === 'warehouse' || l.pickupEnabled),
    );
  const variants = product.variants.map((v) => ({ ...v, soldOut: !orderable(v.id) }));
  const selected = resolveVariant(variants, {
    variant: one(query.variant),
    size: one(query.size),
    color: one(query.color),
  });
  const price = webUnitPrice(product, selected, promotions, now);
  // Photos follow the chosen colour (that colour's own, then those for every colour).
  const images = await photos(product.id, selected.color, locale);
  const [mainImage, ...moreImages] = images;
  // The shopper's own store first (their preference on the account page).
  const locations = preferredFirst(stockByVariant.get(selected.id) ?? [], await shopperPreferredStoreId(db, actor), (l) => l.locationId);
  // Once the shopper has used the store finder (its cookie): stores nearest first, with distance and hours.
  const [storeRows, origin] = await Promise.all([listStores(db), rememberedShopperOrigin()]);
  const storeById = new Map(storeRows.map((s) => [s.id, s]));
  const nearbyStores = findStores(
    locations.flatMap((l) => {
      const store = storeById.get(l.locationId);
      return store ? [{ ...l, latitude: store.latitude, longitude: store.longitude, openingHours: store.openingHours }] : [];
    }),
    origin,
    now,
  );
  const dims = optionDimensions(variants);
  // schema.org Product for search engines: one offer per variant, priced by the one price function.
  const jsonLd = buildProductJsonLd({
    origin: await siteOrigin(),
    slug: product.slug,
    name: product.name,
    description: product.description,
    brand: product.brand,
    category: product.category.name,
    imageUrls: images.length ? images.map((i) => i.url) : [product.imagePath],
    offers: variants.map((v) => ({ variantId: v.id, sku: v.sku, priceCents: webUnitPrice(product, v, promotions, now).finalUnitCents, inStock: !v.soldOut })),
  });

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
      {/* A data block, not a script: CSP does not apply, and jsonLdText escapes "<". */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd) }} />
      <nav aria-label={t('breadcrumb')} className="text-sm text-stone-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/products" className="hover:underline">
              {(await getTranslations('shop.nav'))('products')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/products?category=${product.category.slug}`} className="hover:underline">
              {product.category.name}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-stone-700">
            {product.name}
          </li>
        </ol>
      </nav>

      <div className="mt-5 grid gap-8 md:grid-cols-2 md:gap-12">
        <div>
          <ProductImage
            src={mainImage?.url ?? product.imagePath}
            alt={mainImage?.alt ?? product.name}
            priority
            className="rounded-2xl ring-1 ring-stone-200"
          />
          {moreImages.length > 0 && (
            <ul className="mt-3 grid grid-cols-4 gap-2">
              {moreImages.map((image) => (
                <li key={image.url}>
                  <ProductImage src={image.url} alt={image.alt} className="ring-1 ring-stone-200" />
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="flex flex-col gap-6">
          <div>
            <p className="text-sm font-medium tracking-wide text-stone-500 uppercase">{product.brand}</p>
            <h1 className="mt-1 text-3xl font-semibold tracking-tight">{product.name}</h1>
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <PriceTag
                priceCents={price.finalUnitCents}
                regularCents={price.unitPriceCents}
                locale={locale}
                size="lg"
              />
              {price.promotion && <Badge tone="accent">{localizedText(price.promotion.title, locale) || price.promotion.name}</Badge>}
            </div>
            <p className="mt-1 text-sm text-stone-500">
              {t('vatIncluded')} · {t('sku', { sku: selected.sku })}
            </p>
          </div>

          {variants.length > 1 && (
            <VariantPicker
              variants={variants.map(({ id, size, color, soldOut }): PickerVariant => ({
                id,
                size,
                color,
                soldOut,
              }))}
              selectedId={selected.id}
              labels={{
                size: t('size'),
                colour: t('colour'),
                option: t('option'),
                show: t('showVariant'),
                soldOut: t('soldOutOption'),
                colors: Object.fromEntries(
                  variants.flatMap((v) => (v.color ? [[v.color, colorName(tColors, v.color)]] : [])),
                ),
                // A single list names only what differs ("41-46", not "41-46 · Black").
                variantLabels: Object.fromEntries(
                  variants.map((v) => [
                    v.id,
                    (dims.sizes.length
                      ? v.size
                      : dims.colors.length && v.color
                        ? colorName(tColors, v.color)
                        : variantText(tColors, v)) || v.sku,
                  ]),
                ),
              }}
            />
          )}

          <AddToCartForm key={selected.id} variantId={selected.id} available={!selected.soldOut} />

          {/* Every variant: a sale of another size changes its sold-out mark in the picker too. */}
          <Availability
            locations={locations}
            stores={nearbyStores}
            origin={origin ? (origin.kind === 'postcode' ? { postcode: origin.postcode } : {}) : null}
            variantIds={variants.map((v) => v.id)}
          />
        </div>
      </div>

      {product.description && (
        <section aria-labelledby="description-title" className="mt-10 max-w-3xl">
          <h2 id="description-title" className="text-lg font-semibold">
            {t('description')}
          </h2>
          <p className="mt-2 leading-relaxed whitespace-pre-line text-stone-700">{product.description}</p>
        </section>
      )}

      <OftenBoughtTogether
        productId={product.id}
        customerId={actor?.role === 'customer' ? actor.customerId : null}
        promotions={promotions}
        locale={locale}
      />

      <ProductReviews
        productId={product.id}
        slug={product.slug}
        summary={reviewSummary}
        reviews={reviews}
        me={myReview}
        signedIn={actor !== null}
        locale={locale}
      />
    </div>
  );
}
