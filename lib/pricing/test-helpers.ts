// Test fixtures only (imported by *.test.ts files).
import type { PriceContext, PriceLineInput, PromotionCandidate } from './types';

export const NOW = new Date('2026-05-01T10:00:00Z');

export function line(overrides: Partial<PriceLineInput> = {}): PriceLineInput {
  return { variantId: 1, productId: 10, categoryId: 100, quantity: 1, unitPriceCents: 1000, taxClass: 'standard', ...overrides };
}

export function promo(overrides: Partial<PromotionCandidate> = {}): PromotionCandidate {
  return {
    id: 1,
    name: 'Promo',
    kind: 'percentage',
    value: 10,
    target: 'all',
    targetId: null,
    startsAt: null,
    endsAt: null,
    code: null,
    channels: null,
    ...overrides,
  };
}

export function ctx(overrides: Partial<PriceContext> = {}): PriceContext {
  return { channel: 'web', now: NOW, ...overrides };
}
