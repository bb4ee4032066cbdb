'use server';

import { access, action } from '@/lib/actions/action';
import { existingWebCart } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { enforceRateLimits, requestClientAddress } from '@/lib/rate-limit/public-limits';
import { issueHandoff } from './mutations';
import { handoffQrSvg } from './qr';
import { startHandoffSchema } from './schemas';

/**
 * "Continue in store" on the cart page: a fresh code and its QR for the visitor's own cart (the cookie's
 * or the signed-in customer's; web-cart.ts asserts it). Each one replaces the previous code, so only the
 * code on screen works. Limited per cart and address: each call writes a row.
 */
export const startCartHandoffAction = action({ schema: startHandoffSchema, access: access.public }, async (_input, { actor }) => {
  const db = getDb();
  const cartId = await existingWebCart(db, actor);
  await enforceRateLimits(db, [
    ['handoffIssuePerCart', cartId],
    ['handoffIssuePerAddress', await requestClientAddress()],
  ]);
  const { code, expiresAt } = await issueHandoff(db, { webCartId: cartId });
  return { data: { code, expiresAt: expiresAt.toISOString(), svg: await handoffQrSvg(code) } };
});
