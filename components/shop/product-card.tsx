import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { CardPrice } from '@/lib/catalog/card-prices';
import type { ShopImage } from '@/lib/catalog/images';
import type { ProductCardDto } from '@/lib/catalog/queries';
import type { Locale } from '@/lib/i18n/config';
import { PriceTag } from './price-tag';
import { ProductImage } from './product-image';

export function ProductCard({
  product,
  price,
  image,
  locale,
  headingLevel: Heading = 'h2',
  priority = false,
}: {
  product: ProductCardDto;
  price: CardPrice | undefined;
  /** An uploaded photo (lib/catalog/images getCardImages); without one the product's illustration. */
  image?: ShopImage;
  locale: Locale;
  headingLevel?: 'h2' | 'h3';
  priority?: boolean;
}) {
  return (
    <Link
      href={`/products/${product.slug}`}
      className="group flex h-full flex-col rounded-2xl bg-white p-3 ring-1 ring-stone-200 transition hover:shadow-md hover:ring-stone-300"
    >
      <div className="relative">
        {/* The name follows as text: the image adds nothing for a screen reader. */}
        <ProductImage src={image?.url ?? product.imagePath} alt="" priority={priority} />
        {price?.promotionName && (
          <Badge tone="accent" className="absolute top-2 left-2 max-w-[calc(100%-1rem)] truncate shadow-sm">
            {price.promotionName}
          </Badge>
        )}
      </div>
      <p className="mt-3 text-xs font-medium tracking-wide text-stone-500 uppercase">{product.brand}</p>
      <Heading className="mt-0.5 line-clamp-2 font-medium text-stone-900 group-hover:underline">
        {product.name}
      </Heading>
      {price && (
        <PriceTag
          className="mt-auto pt-2"
          priceCents={price.priceCents}
          regularCents={price.regularCents}
          from={price.from}
          locale={locale}
        />
      )}
    </Link>
  );
}
