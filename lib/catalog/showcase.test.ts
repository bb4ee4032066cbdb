import { describe, expect, it } from 'vitest';
import type { CardPrice } from './card-prices';
import type { ProductCardDto } from './queries';
import { pickFeatured } from './showcase';

const card = (id: number, categorySlug: string): ProductCardDto => ({
  id,
  slug: `p${id}`,
  name: `P${id}`,
  brand: 'B',
  imagePath: '/x.svg',
  categorySlug,
  fromPriceCents: 1000,
  variantCount: 1,
});
const price = (promotionName: string | null): CardPrice => ({
  priceCents: 900,
  regularCents: 1000,
  from: false,
  promotionName,
});

describe('pickFeatured', () => {
  it('puts promoted products first, at most two per category, then one per category', () => {
    const cards = [
      card(1, 'hats'),
      card(2, 'hats'),
      card(3, 'hats'),
      card(4, 'shoes'),
      card(5, 'bags'),
      card(6, 'bags'),
    ];
    const prices = {
      1: price('Hat days'),
      2: price('Hat days'),
      3: price('Hat days'),
      4: price(null),
      5: price(null),
      6: price(null),
    };
    expect(pickFeatured(cards, prices, 4).map((c) => c.id)).toEqual([1, 2, 4, 5]);
    expect(pickFeatured(cards, prices, 6).map((c) => c.id)).toEqual([1, 2, 4, 5, 3, 6]);
  });
});
