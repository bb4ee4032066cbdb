/**
 * The admin experiment actions below the browser: FormData-shaped input → wrapper → zod → mutation, on a
 * real database. A split that does not add up, one variant, a promotion twice, an overlap: each a
 * localized message on the variants field, nothing written. Other roles are refused by lib/security's matrix.
 */
import { createTranslator } from 'next-intl';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog, experiments } from '@/db/schema';
import { callAction } from '@/lib/testing/call-action';
import { MESSAGES } from '@/lib/i18n/messages';
import { createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown, locale: 'en' as 'en' | 'nl' }));

vi.mock('@/lib/auth/session', async () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => state.actor,
  authorize: async () => state.actor,
}));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: state.locale, t: createTranslator({ locale: state.locale, messages: MESSAGES[state.locale] }) }),
}));

const { createExperimentAction, startExperimentAction, stopExperimentAction } = await import('./experiment-actions');

let handle: DbHandle;
let db: Db;
let a: { id: number };
let b: { id: number };

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  state.locale = 'en';
  const shop = await createShop(db);
  state.actor = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  a = await createPromotionRow(db, { name: '10% off', kind: 'percentage', value: 10, target: 'product', targetId: shop.product.id });
  b = await createPromotionRow(db, { name: '€5 off', kind: 'fixed_amount', value: 500, target: 'product', targetId: shop.product.id });
});

const form = (promotions: string[], weights: string[]) => ({ name: 'Percent vs euros', hypothesis: '', variantPromotion: promotions, variantWeight: weights });
const written = async () => {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(experiments);
  const [{ m }] = await db.select({ m: sql<number>`count(*)::int` }).from(auditLog);
  return n + m;
};

describe('experiment actions', () => {
  it('answers bad experiments with a localized message on the variants field and writes nothing', async () => {
    const cases: [ReturnType<typeof form>, string][] = [
      [form([String(a.id), String(b.id), ''], ['60', '50', '']), "The variants' shares add up to 110%; they must add up to 100%."],
      [form([String(a.id), '', ''], ['100', '', '']), 'An experiment needs at least two variants.'],
      [form([String(a.id), String(a.id)], ['50', '50']), '“10% off” is used in two variants; each promotion can be one variant only.'],
      [form(['control', 'control'], ['50', '50']), 'Only one variant can be the control (no promotion).'],
    ];
    for (const [input, message] of cases) {
      const result = await callAction(createExperimentAction, input);
      expect(result).toMatchObject({ ok: false, fieldErrors: { variants: [message] } });
    }
    state.locale = 'nl';
    expect(await callAction(createExperimentAction, form([String(a.id), String(b.id)], ['60', '50']))).toMatchObject({
      ok: false,
      fieldErrors: { variants: ['De aandelen van de varianten tellen op tot 110%; dat moet 100% zijn.'] },
    });
    expect(await callAction(createExperimentAction, { ...form([String(a.id), 'x'], ['50', '50']) })).toMatchObject({ ok: false, fieldErrors: { variantPromotion: [expect.any(String)] } });
    expect(await written()).toBe(0);
  });

  it('creates, starts and stops through the forms, and refuses an overlapping second experiment', async () => {
    const created = await callAction(createExperimentAction, form([String(a.id), String(b.id), '', ''], ['50', '50', '', '']));
    expect(created).toMatchObject({ redirected: expect.stringMatching(/^\/admin\/experiments\/\d+\?created=1$/) });
    const id = (created as { redirected: string }).redirected.match(/(\d+)/)![1];
    const overlap = await callAction(createExperimentAction, form([String(b.id), 'control'], ['50', '50']));
    expect(overlap).toMatchObject({ ok: false, fieldErrors: { variants: [expect.stringContaining('discounts the same products as')] } });
    expect(await callAction(startExperimentAction, { experimentId: id })).toEqual({ redirected: `/admin/experiments/${id}?started=1` });
    expect(await callAction(startExperimentAction, { experimentId: id })).toMatchObject({ ok: false, formError: 'Only a draft experiment can be started.' });
    expect(await callAction(stopExperimentAction, { experimentId: id, winnerVariantId: '' })).toEqual({ redirected: `/admin/experiments/${id}?stopped=all` });
    expect(await callAction(stopExperimentAction, { experimentId: id, price: '1' })).toMatchObject({ ok: false });
  });
});
