'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { enforceRateLimits } from '@/lib/rate-limit/public-limits';
import { normalizeHandoffInput } from './code';
import { loadHandoff, type LoadedHandoff } from './mutations';
import { loadHandoffSchema } from './schemas';

/**
 * "Load a cart" at the counter: the code typed, typed by a scanner or read by the camera. Every try is
 * counted before it is looked at (per clerk and per store), so codes cannot be guessed; a refusal
 * (unknown, expired, used) changes nothing.
 */
export const loadCartHandoffAction = action({ schema: loadHandoffSchema, access: access.counter }, async (input, { actor, locale, t }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  await enforceRateLimits(db, [
    ['handoffLoadPerClerk', String(actor.userId)],
    ['handoffLoadPerStore', String(store.id)],
  ]);
  const code = normalizeHandoffInput(input.code);
  if (!code) throw new DomainError('handoffUnknown', {}, 'code');
  const loaded: LoadedHandoff = await loadHandoff(db, { code, locationId: store.id, locale }, actor);
  revalidatePath('/counter', 'layout');
  return {
    message: loaded.customer
      ? t('counter.loadCart.loadedFor', { count: loaded.lineCount, name: loaded.customer.name })
      : t('counter.loadCart.loaded', { count: loaded.lineCount }),
    data: loaded,
  };
});
