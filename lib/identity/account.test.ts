import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { customers, emailVerificationTokens, notifications, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { listOrdersForCustomer } from '@/lib/orders/queries';
import { createCustomerActor, createShop, resetDatabase } from '@/lib/testing/fixtures';
import { changeOwnEmail, changeOwnPassword, updateOwnPreferences, updateOwnProfile } from './account-mutations';
import { addressSchema, preferencesSchema, updateProfileSchema } from './account-schemas';
import { deleteAddress, getDefaultAddress, listAddresses, MAX_ADDRESSES, saveAddress, setDefaultAddress } from './addresses';
import { verifyEmailToken } from './email-verification';
import { checkoutDefaults } from './checkout-defaults';
import { getActiveActor, type Actor } from './queries';
import { counterProfile } from './test-helpers';
import { issueToken } from './tokens';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let eva: Actor;
const PASSWORD = 'eva password 1';

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  eva = await createCustomerActor(db, 'eva@example.com');
  await db.update(users).set({ passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() }).where(eq(users.id, eva.userId));
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const address = (values: Record<string, string>) =>
  addressSchema.parse({ name: 'Eva', street: 'Oudegracht 1', postcode: '3511aa', city: 'Utrecht', ...values });

describe('account details', () => {
  it('stores the phone in E.164 whatever the notation, refuses a number no operator issues, and renames account and profile', async () => {
    expect(updateProfileSchema.parse({ name: ' Eva B ', phone: '06-12345678' })).toEqual({ name: 'Eva B', phone: '+31612345678' });
    expect(updateProfileSchema.safeParse({ name: 'Eva', phone: '0612' }).success).toBe(false);
    await updateOwnProfile(db, updateProfileSchema.parse({ name: 'Eva B', phone: '+32 470 12 34 56' }), eva);
    const [profile] = await db.select().from(customers).where(eq(customers.id, eva.customerId!));
    expect(profile).toMatchObject({ name: 'Eva B', phone: '+32470123456' });
    expect((await getActiveActor(db, eva.userId))!.name).toBe('Eva B');
  });

  it('changes the email only with the password; the new one is unproven and gets a link, the profile keeps the proven one', async () => {
    expect((await refusal(changeOwnEmail(db, { email: 'eva@new.example', currentPassword: 'wrong', locale: 'en' }, eva))).code).toBe('currentPasswordWrong');
    expect(await changeOwnEmail(db, { email: 'eva@new.example', currentPassword: PASSWORD, locale: 'en' }, eva)).toBe('changed');
    const [user] = await db.select().from(users).where(eq(users.id, eva.userId));
    expect(user).toMatchObject({ email: 'eva@new.example', emailVerifiedAt: null });
    const [profile] = await db.select({ email: customers.email }).from(customers).where(eq(customers.id, eva.customerId!));
    expect(profile.email).toBe('eva@example.com');
    const mail = await db.select().from(notifications).where(eq(notifications.recipient, 'eva@new.example'));
    expect(mail).toHaveLength(1);
    // Another account's address is refused.
    await createCustomerActor(db, 'finn@example.com');
    expect((await refusal(changeOwnEmail(db, { email: 'finn@example.com', currentPassword: PASSWORD, locale: 'en' }, eva))).code).toBe('emailTaken');
  });

  it('an email changed to a guest profile’s address claims its history only once the link is used by this account', async () => {
    const walkIn = await counterProfile(db, { email: 'maria@example.com', locationId: shop.storeA.id });
    await saveAddress(db, eva.customerId!, address({ label: 'Home' }));
    await changeOwnEmail(db, { email: 'maria@example.com', currentPassword: PASSWORD, locale: 'en' }, eva);
    // Not proven yet: nothing of Maria's profile is Eva's.
    expect(await listOrdersForCustomer(db, eva.customerId!)).toEqual([]);
    const [token] = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.email, 'maria@example.com'));
    expect(token.purpose).toBe('claim_profile');
    // A link issued for this account proves the mailbox (the raw token only travels by mail; issue a test one).
    const { token: raw } = await issueToken(db, { userId: eva.userId, email: 'maria@example.com', purpose: 'claim_profile' });
    const stranger = await createCustomerActor(db, 'mallory@example.com');
    expect(await verifyEmailToken(db, raw, { userId: stranger.userId })).toBe('wrongAccount');
    expect(await verifyEmailToken(db, raw, { userId: eva.userId })).toBe('claimed');
    const [user] = await db.select({ customerId: users.customerId }).from(users).where(eq(users.id, eva.userId));
    expect(user.customerId).toBe(walkIn.id);
    expect((await listOrdersForCustomer(db, walkIn.id)).map((o) => o.number).sort()).toEqual(['S-1', 'S-2']);
    // The address book came along (mergeProfileInto).
    expect((await listAddresses(db, walkIn.id)).map((a) => [a.label, a.isDefault])).toEqual([['Home', true]]);
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const input = { currentPassword: 'wrong', password: 'a new password', confirmPassword: 'a new password' };
    expect((await refusal(changeOwnPassword(db, input, eva))).code).toBe('currentPasswordWrong');
    await changeOwnPassword(db, { ...input, currentPassword: PASSWORD }, eva);
    const [user] = await db.select().from(users).where(eq(users.id, eva.userId));
    expect(await verifyPassword('a new password', user.passwordHash)).toBe(true);
    expect(user.sessionVersion).toBe(eva.sessionVersion + 1);
  });
});

describe('preferences', () => {
  it('saves channels, store, language (profile and account) and consent; the warehouse is no store to prefer', async () => {
    const input = preferencesSchema.parse({ notifyBySms: 'on', marketingOptIn: 'on', preferredLocationId: String(shop.storeB.id), locale: 'en' });
    await updateOwnPreferences(db, input, eva);
    const [profile] = await db.select().from(customers).where(eq(customers.id, eva.customerId!));
    expect(profile).toMatchObject({ notifyByEmail: false, notifyBySms: true, marketingOptIn: true, preferredLocationId: shop.storeB.id, locale: 'en' });
    const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, eva.userId));
    expect(user.locale).toBe('en');
    const warehouse = preferencesSchema.parse({ preferredLocationId: String(shop.warehouse.id), locale: 'nl' });
    expect((await refusal(updateOwnPreferences(db, warehouse, eva))).field).toBe('preferredLocationId');
    expect(preferencesSchema.safeParse({ locale: 'de' }).success).toBe(false);
  });
});

describe('address book', () => {
  it('the first address is the default; another can take over; deleting the default promotes the newest', async () => {
    const home = await saveAddress(db, eva.customerId!, address({ label: 'Home' }));
    const work = await saveAddress(db, eva.customerId!, address({ label: 'Work', street: 'Catharijnesingel 5' }));
    expect((await getDefaultAddress(db, eva.customerId!))!).toMatchObject({ id: home.id, postcode: '3511 AA' });
    await setDefaultAddress(db, eva.customerId!, work.id);
    expect((await getDefaultAddress(db, eva.customerId!))!.id).toBe(work.id);
    await saveAddress(db, eva.customerId!, address({ addressId: String(home.id), label: 'Home', makeDefault: 'on' }));
    expect((await listAddresses(db, eva.customerId!)).map((a) => [a.label, a.isDefault])).toEqual([
      ['Home', true],
      ['Work', false],
    ]);
    await deleteAddress(db, eva.customerId!, home.id);
    expect((await getDefaultAddress(db, eva.customerId!))!.id).toBe(work.id);
  });

  it('the default address and the preferred store prefill checkout; nothing for a visitor without account', async () => {
    await updateOwnProfile(db, updateProfileSchema.parse({ name: 'Eva', phone: '0612345678' }), eva);
    await updateOwnPreferences(db, preferencesSchema.parse({ notifyByEmail: 'on', preferredLocationId: String(shop.storeB.id), locale: 'nl' }), eva);
    await saveAddress(db, eva.customerId!, address({ label: 'Home' }));
    expect(await checkoutDefaults(db, eva)).toEqual({
      email: 'eva@example.com',
      name: 'Eva',
      phone: '+31612345678',
      street: 'Oudegracht 1',
      postcode: '3511 AA',
      city: 'Utrecht',
      pickupLocationId: shop.storeB.id,
    });
    expect(await checkoutDefaults(db, null)).toEqual({ email: '', name: '', phone: '' });
  });

  it('never touches another customer’s address, and is capped', async () => {
    const finn = await createCustomerActor(db, 'finn@example.com');
    const finns = await saveAddress(db, finn.customerId!, address({ name: 'Finn' }));
    expect((await refusal(deleteAddress(db, eva.customerId!, finns.id))).code).toBe('addressNotFound');
    expect((await refusal(setDefaultAddress(db, eva.customerId!, finns.id))).code).toBe('addressNotFound');
    expect((await refusal(saveAddress(db, eva.customerId!, address({ addressId: String(finns.id), name: 'Eva' })))).code).toBe('addressNotFound');
    expect((await listAddresses(db, finn.customerId!))[0].name).toBe('Finn');
    for (let i = 0; i < MAX_ADDRESSES; i++) await saveAddress(db, eva.customerId!, address({ label: `A${i}` }));
    expect((await refusal(saveAddress(db, eva.customerId!, address({ label: 'one too many' })))).code).toBe('tooManyAddresses');
    expect(addressSchema.safeParse({ name: 'Eva', street: 'X 1', postcode: '0123 AB', city: 'U' }).success).toBe(false);
  });
});
