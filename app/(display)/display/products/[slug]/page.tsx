import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PriceTag } from '@/components/shop/price-tag';
import { ProductImage } from '@/components/shop/product-image';
import { formatAverage, StarRating } from '@/components/ui/star-rating';
import { Badge } from '@/components/ui/card';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { getDisplayProduct } from '@/lib/reviews/display';
import { verifiedBadgeKey } from '@/lib/reviews/queries';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const product = await getDisplayProduct(getDb(), (await params).slug, (await getLocale()) as Locale);
  return product ? { title: product.name } : {};
}

/**
 * The in-store display page of a product, at a stable public URL: the product, its price, the average
 * rating and the latest published reviews, in type that reads from a few metres; a QR to order online.
 */
export default async function DisplayProductPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale() as Promise<Locale>]);
  const product = await getDisplayProduct(getDb(), slug, locale);
  if (!product) notFound();
  const t = await getTranslations('reviews');
  const summaryText = t('section.summary', { average: formatAverage(product.summary.average, locale), count: product.summary.count });
  return (
    <div className="mx-auto grid max-w-7xl gap-10 p-8 lg:grid-cols-[2fr_3fr] lg:p-12">
      <div className="space-y-6">
        <ProductImage src={product.imagePath} alt={product.name} priority className="rounded-3xl ring-1 ring-stone-200" />
        <div className="flex items-center gap-5">
          <div
            aria-hidden="true"
            className="size-36 shrink-0 [&_svg]:size-full"
            // An SVG the qrcode library draws from our own product URL: no user input in it.
            dangerouslySetInnerHTML={{ __html: product.qrSvg }}
          />
          <p className="text-xl text-stone-600">{t('display.scan', { url: product.productUrl })}</p>
        </div>
      </div>
      <div className="space-y-8">
        <div>
          <p className="text-2xl font-medium tracking-wide text-stone-500 uppercase">{product.brand}</p>
          <h1 className="mt-2 text-5xl font-bold tracking-tight lg:text-6xl">{product.name}</h1>
          <div className="mt-6 [&_span]:text-5xl">
            <h2 className="sr-only">{t('display.price')}</h2>
            <PriceTag priceCents={product.price.finalUnitCents} regularCents={product.price.unitPriceCents} from={product.priceVaries} locale={locale} size="lg" />
          </div>
        </div>
        <section aria-labelledby="display-reviews" className="space-y-6">
          <h2 id="display-reviews" className="text-3xl font-semibold">
            {t('display.latest')}
          </h2>
          {product.summary.count > 0 ? (
            <p className="flex flex-wrap items-center gap-4 text-3xl">
              <StarRating rating={product.summary.average} label={summaryText} className="text-5xl" />
              <span aria-hidden="true">{summaryText}</span>
            </p>
          ) : (
            <p className="text-2xl text-stone-600">{t('display.none')}</p>
          )}
          <ul className="space-y-5">
            {product.reviews.map((review) => (
              <li key={review.id} className="rounded-3xl bg-stone-50 p-6 ring-1 ring-stone-200">
                <div className="flex flex-wrap items-center gap-3">
                  <StarRating rating={review.rating} label={t('section.rating', { rating: review.rating })} className="text-3xl" />
                  {review.title && <h3 className="text-2xl font-semibold">{review.title}</h3>}
                  {review.verifiedBuyer && <Badge tone="brand" className="text-base!">{t(`section.${verifiedBadgeKey(review)}`)}</Badge>}
                </div>
                {review.body && (
                  <p lang={review.locale} className="mt-3 line-clamp-4 text-2xl leading-snug whitespace-pre-line text-stone-700">
                    {review.body}
                  </p>
                )}
                <p className="mt-2 text-lg text-stone-500">{t('section.by', { name: review.authorFirstName, date: formatDate(review.createdAt, locale) })}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
