import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, resetDatabase } from '@/lib/testing/fixtures';
import { isCardNumber, newCardNumber } from './cards';
import { ensureLoyaltyCard } from './cards';
import { mergeLoyalty, postEntry } from './ledger';
import { maxRedeemablePoints, pointsEarned, pointsValueCents } from './rules';
import { cardOf, ledgerOf } from './test-helpers';

let handle: DbHandle;
let db: Db;
let eva: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  eva = await createCustomerActor(db, 'eva@example.com');
});

const post = (points: number, key: string = randomUUID()) =>
  postEntry(db, {
    customerId: eva.customerId!,
    kind: points > 0 ? 'earn' : 'redeem',
    points,
    idempotencyKey: key,
  });

describe('loyalty ledger', () => {
  it('keeps balance = sum of entries over any sequence of earns and redemptions, never below zero', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0),
          { minLength: 1, maxLength: 25 },
        ),
        async (steps) => {
          await resetDatabase(db);
          eva = await createCustomerActor(db, 'eva@example.com');
          let model = 0;
          for (const points of steps) {
            const outcome = await post(points).then(
              () => 'ok',
              (e: unknown) => (e instanceof DomainError ? e.code : 'bug'),
            );
            // The model: a redemption above the balance is refused and changes nothing.
            if (points < 0 && model + points < 0) expect(outcome).toBe('loyaltyInsufficientPoints');
            else {
              expect(outcome).toBe('ok');
              model += points;
            }
            const ledger = await ledgerOf(db, eva.customerId!);
            expect(ledger.balance).toBe(model);
            expect(ledger.sum).toBe(model);
            expect(ledger.balance).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a redemption above the balance with the balance in the message, and writes no entry', async () => {
    await post(150);
    const error = await post(-200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('loyaltyInsufficientPoints');
    expect((error as DomainError).values).toEqual({ balance: 150 });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 150, sum: 150 });
  });

  it('a customer without any points cannot redeem (no account row yet)', async () => {
    await expect(post(-100)).rejects.toMatchObject({ code: 'loyaltyInsufficientPoints' });
    expect(await ledgerOf(db, eva.customerId!)).toEqual({ balance: 0, sum: 0, hasAccount: false });
  });

  it('a repeated cause (same idempotency key) changes nothing and returns the first entry', async () => {
    const first = await post(120, 'earn:order-1');
    const again = await post(120, 'earn:order-1');
    expect(first.applied).toBe(true);
    expect(again).toMatchObject({ applied: false, entryId: first.entryId, points: 120 });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 120, sum: 120 });
  });

  it('the database refuses a negative balance even if the conditional write were bypassed', async () => {
    await post(50);
    const { loyaltyAccounts } = await import('@/db/schema');
    const { sql } = await import('drizzle-orm');
    await expect(
      db.update(loyaltyAccounts).set({ balance: sql`${loyaltyAccounts.balance} - 100` }),
    ).rejects.toThrow();
  });

  it('merging two profiles of one person moves the entries and adds the balances', async () => {
    const other = await createCustomerActor(db, 'eva.old@example.com');
    await post(100);
    await postEntry(db, {
      customerId: other.customerId!,
      kind: 'earn',
      points: 40,
      idempotencyKey: 'earn:x',
    });
    await db.transaction((tx) => mergeLoyalty(tx, other.customerId!, eva.customerId!));
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 140, sum: 140 });
    expect(await ledgerOf(db, other.customerId!)).toEqual({ balance: 0, sum: 0, hasAccount: false });
  });
});

describe('loyalty card numbers', () => {
  it('are EAN-13 with the in-store prefix 29 and a valid check digit', () => {
    for (let i = 0; i < 50; i++) {
      const number = newCardNumber();
      expect(number).toMatch(/^29\d{11}$/);
      expect(isCardNumber(number)).toBe(true);
    }
    expect(isCardNumber('2912345678900')).toBe(false);
  });

  it('are given once: a second need returns the same number', async () => {
    const first = await ensureLoyaltyCard(db, eva.customerId!);
    expect(await ensureLoyaltyCard(db, eva.customerId!)).toBe(first);
    expect(await cardOf(db, eva.customerId!)).toBe(first);
  });
});

describe('loyalty rules', () => {
  const rates = { pointsPerEuro: 1, redeemStepPoints: 100, redeemStepCents: 100 };
  it('earns per whole euro of goods paid, without shipping and without the part paid with points', () => {
    expect(pointsEarned({ totalCents: 5495, shippingCents: 495, paidWithPointsCents: 0 }, rates)).toBe(50);
    expect(pointsEarned({ totalCents: 5099, shippingCents: 0, paidWithPointsCents: 100 }, rates)).toBe(49);
    expect(
      pointsEarned({ totalCents: 5000, shippingCents: 0, paidWithPointsCents: 0 }, { pointsPerEuro: 3 }),
    ).toBe(150);
    expect(pointsEarned({ totalCents: 300, shippingCents: 0, paidWithPointsCents: 300 }, rates)).toBe(0);
  });
  it('redeems whole steps, capped by the balance and by what is due', () => {
    expect(pointsValueCents(250, rates)).toBe(200);
    expect(maxRedeemablePoints(250, 10_000, rates)).toBe(200);
    expect(maxRedeemablePoints(10_000, 1_550, rates)).toBe(1_500);
    expect(maxRedeemablePoints(99, 10_000, rates)).toBe(0);
  });
});
