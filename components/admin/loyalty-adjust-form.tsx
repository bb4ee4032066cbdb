import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getCustomerLoyaltyForStaff } from '@/lib/loyalty/queries';
import { LoyaltyAdjustFields } from './loyalty-adjust-fields';

/**
 * The admin customer detail's points correction: the balance and the adjustment form (admins only —
 * the action checks again); the entries are in the detail's points card. One include:
 * `<LoyaltyAdjustForm customerId={id} />`.
 */
export async function LoyaltyAdjustForm({ customerId }: { customerId: number }) {
  const actor = await getActor();
  if (!actor || actor.role !== 'admin') return null;
  const [loyalty, t] = await Promise.all([getCustomerLoyaltyForStaff(getDb(), actor, customerId, 1), getTranslations('admin.loyalty')]);
  if (!loyalty) return null;
  return (
    <section
      aria-labelledby="admin-loyalty-title"
      className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="admin-loyalty-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-xl font-semibold tabular-nums" data-testid="admin-loyalty-balance">
          {t('balance', { count: loyalty.balance })}
        </p>
      </div>
      {/* A fresh key per rendering: a double submit adjusts once. */}
      <LoyaltyAdjustFields customerId={customerId} idempotencyKey={randomUUID()} />
    </section>
  );
}
