import { createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '@/lib/i18n/messages';
import type { MyReviewState, PublicReview, ReviewSummary } from '@/lib/reviews/queries';
import { ProductReviews } from './product-reviews';

// The server component's translations, from the real message files, in the locale under test.
const current = vi.hoisted(() => ({ locale: 'en' as 'en' | 'nl' }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: current.locale, messages: MESSAGES[current.locale], namespace: namespace as never }),
}));
// The client form (its own action and translations) is not under test here: a marker shows where it goes.
vi.mock('./review-form', () => ({ ReviewForm: ({ mine }: { mine: unknown }) => <i data-review-form={mine ? 'edit' : 'new'} /> }));

const summary: ReviewSummary = { productId: 1, average: 4.5, count: 12, distribution: [0, 1, 1, 2, 8] };
const review: PublicReview = {
  id: 7,
  rating: 4,
  title: '<b>Great</b>',
  body: 'Fits <script>alert(1)</script>\nsecond line',
  locale: 'nl',
  verifiedBuyer: true,
  purchaseChannel: 'store',
  authorFirstName: 'Anna',
  createdAt: new Date('2026-05-01T10:00:00Z'),
};
const noOne: MyReviewState = { canReview: false, mine: null };

async function render(locale: 'en' | 'nl', props: Partial<Parameters<typeof ProductReviews>[0]> = {}) {
  current.locale = locale;
  return renderToStaticMarkup(
    await ProductReviews({ productId: 1, slug: 'trail-runner', summary, reviews: [review], me: noOne, signedIn: false, locale, ...props }),
  );
}

describe('the product page’s Reviews section', () => {
  it('says the average in words for assistive technology, in both languages', async () => {
    expect(await render('en')).toContain('role="img" aria-label="4.5 out of 5, 12 reviews"');
    expect(await render('nl')).toContain('role="img" aria-label="4,5 van de 5, 12 reviews"');
    expect(await render('en')).toContain('Verified purchase · in store');
    expect(await render('nl')).toContain('Geverifieerde aankoop · in de winkel');
    expect(await render('en', { reviews: [{ ...review, purchaseChannel: 'web' }] })).toContain('Verified purchase · online');
  });

  it('renders title and text as text, never as HTML', async () => {
    const html = await render('en');
    expect(html).toContain('&lt;b&gt;Great&lt;/b&gt;');
    expect(html).toContain('Fits &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('offers the form to a verified buyer only; a visitor is asked to sign in', async () => {
    expect(await render('en', { me: { canReview: true, mine: null }, signedIn: true })).toContain('data-review-form="new"');
    const buyerWithReview = await render('en', { me: { canReview: true, mine: { rating: 3, title: null, body: null, status: 'published', rejectReason: null } }, signedIn: true });
    expect(buyerWithReview).toContain('data-review-form="edit"');
    const visitor = await render('en');
    expect(visitor).not.toContain('data-review-form');
    expect(visitor).toContain('/sign-in?callbackUrl=%2Fproducts%2Ftrail-runner%23reviews-title');
    expect(await render('en', { signedIn: true })).toContain('Only customers who bought this product can review it.');
    expect(await render('en', { summary: { ...summary, count: 0, average: 0, distribution: [0, 0, 0, 0, 0] }, reviews: [] })).toContain('No reviews yet.');
  });
});
