import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import {
  auditLog,
  carts,
  conversationMessages,
  conversationThreads,
  customerAddresses,
  customers,
  invoices,
  loyaltyAccounts,
  loyaltyEntries,
  notifications,
  orders,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { getOrCreateWebCart } from '@/lib/carts/mutations';
import { postCustomerMessage } from '@/lib/conversations/customer-messages';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, createProfile, payOnline, webOrder } from '@/lib/testing/orders';
import {
  getStoreCreditBalance,
  issueStoreCredit,
  listStoreCreditEntries,
  sumOfStoreCreditEntries,
} from '@/lib/store-credit/ledger';
import { eraseCustomer, ERASED_MESSAGE, ERASED_NAME } from './erase';
import { exportCustomer } from './export';
import { createCustomer, mergeCustomers, updateCustomer } from './mutations';
import { searchCustomers } from './queries';
import { createCustomerSchema, updateCustomerSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;
let anna: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  anna = await createCustomerActor(db, 'anna@example.com');
  await db
    .update(customers)
    .set({ name: 'Anna de Jong', phone: '+31612345678' })
    .where(eq(customers.id, anna.customerId!));
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));

/** Points as lib/loyalty keeps them: the entries and the balance beside them. */
async function givePoints(customerId: number, points: number, orderId: string | null = null) {
  await db.insert(loyaltyEntries).values({ customerId, kind: 'adjustment', points, orderId, reason: 'test' });
  await db
    .insert(loyaltyAccounts)
    .values({ customerId, balance: points })
    .onConflictDoUpdate({
      target: loyaltyAccounts.customerId,
      set: { balance: sql`${loyaltyAccounts.balance} + ${points}` },
    });
}
const balanceOf = async (customerId: number) =>
  (
    await db
      .select({ b: loyaltyAccounts.balance })
      .from(loyaltyAccounts)
      .where(eq(loyaltyAccounts.customerId, customerId))
  )[0]?.b ?? 0;
const ledgerSum = async (customerId: number) =>
  (
    await db
      .select({ s: sql<number>`coalesce(sum(points), 0)::int` })
      .from(loyaltyEntries)
      .where(eq(loyaltyEntries.customerId, customerId))
  )[0].s;

describe('[CUSTOMERS] counter profile and admin edit', () => {
  it('creates a profile at the counter, and offers the existing one for a known email instead of a duplicate', async () => {
    const created = await createCustomer(
      db,
      createCustomerSchema.parse({ name: 'Piet Klaassen', phone: '06-23456789' }),
      clerk,
    );
    expect(created.existing).toBe(false);
    const [row] = await db.select().from(customers).where(eq(customers.id, created.customer.id));
    expect(row).toMatchObject({
      name: 'Piet Klaassen',
      phone: '+31623456789',
      email: null,
      preferredLocationId: shop.storeA.id,
    });
    expect(await audits('customer.created')).toHaveLength(1);

    const again = await createCustomer(
      db,
      createCustomerSchema.parse({ name: 'Anna', email: 'ANNA@example.com' }),
      clerk,
    );
    expect(again).toEqual({ customer: { id: anna.customerId, name: 'Anna de Jong' }, existing: true });
    expect(await db.select().from(customers)).toHaveLength(2);
    expect(createCustomerSchema.safeParse({ name: 'No contact' }).success).toBe(false);
    expect(createCustomerSchema.safeParse({ name: 'Bad', phone: '06-123' }).success).toBe(false);
  });

  it('edits name, email, phone and preferences with validation and an audit row without personal data', async () => {
    const input = updateCustomerSchema.parse({
      customerId: String(anna.customerId),
      name: 'Anna Jansen',
      email: 'Anna.J@example.com',
      phone: '+31 6 1111 2222',
      preferredLocationId: String(shop.storeA.id),
      locale: 'en',
      notifyBySms: 'on',
    });
    expect(await updateCustomer(db, input, admin)).toEqual({
      changed: expect.arrayContaining([
        'name',
        'email',
        'phone',
        'preferredLocationId',
        'locale',
        'notifyByEmail',
        'notifyBySms',
      ]),
    });
    const [row] = await db.select().from(customers).where(eq(customers.id, anna.customerId!));
    expect(row).toMatchObject({
      name: 'Anna Jansen',
      email: 'anna.j@example.com',
      phone: '+31611112222',
      notifyByEmail: false,
      notifyBySms: true,
    });
    const [entry] = await audits('customer.updated');
    expect(JSON.stringify(entry)).not.toContain('Anna Jansen');
    expect(JSON.stringify(entry)).not.toContain('anna.j@example.com');

    const other = await createProfile(db, { name: 'Ben', email: 'ben@example.com' });
    const taken = updateCustomerSchema.parse({
      customerId: String(other.id),
      name: 'Ben',
      email: 'anna.j@example.com',
    });
    expect(await codeOf(updateCustomer(db, taken, admin))).toBe('customers.emailTaken');
    expect(await codeOf(updateCustomer(db, taken, clerk))).toBe('forbidden');
    expect(updateCustomerSchema.safeParse({ customerId: '1', name: 'X', phone: 'abc' }).success).toBe(false);
  });
});

describe('[CUSTOMERS] merge two profiles of one person', () => {
  it('moves store credit: entries move and the balances add up', async () => {
    const counterProfile = await createProfile(db, {
      name: 'Anna (counter)',
      email: 'anna.credit@example.com',
    });
    await issueStoreCredit(db, {
      customerId: anna.customerId!,
      amountCents: 1000,
      idempotencyKey: 'merge-test:anna',
    });
    await issueStoreCredit(db, {
      customerId: counterProfile.id,
      amountCents: 2550,
      idempotencyKey: 'merge-test:dup',
    });

    await mergeCustomers(db, { keepId: anna.customerId!, mergeId: counterProfile.id }, admin);

    expect(await getStoreCreditBalance(db, anna.customerId!)).toBe(3550);
    expect(await sumOfStoreCreditEntries(db, anna.customerId!)).toBe(3550);
    expect(await listStoreCreditEntries(db, counterProfile.id)).toEqual([]);
    expect(await getStoreCreditBalance(db, counterProfile.id)).toBe(0);
  });

  it('moves orders, loyalty entries and balance, conversations, carts and addresses, and records it', async () => {
    const counterProfile = await createProfile(db, {
      name: 'Anna (counter)',
      email: 'anna.counter@example.com',
      phone: '+31612345678',
    });
    const sale = await counterSale(db, shop, clerk, counterProfile.id);
    await givePoints(anna.customerId!, 40);
    await givePoints(counterProfile.id, 25, sale.orderId);
    await db.insert(customerAddresses).values([
      {
        customerId: anna.customerId!,
        name: 'Anna',
        street: 'Biltstraat 45',
        postcode: '3572 AJ',
        city: 'Utrecht',
        isDefault: true,
      },
      {
        customerId: counterProfile.id,
        name: 'Anna',
        street: 'Oudegracht 1',
        postcode: '3511 AA',
        city: 'Utrecht',
        isDefault: true,
      },
    ]);
    await db.insert(carts).values({ channel: 'web', customerId: counterProfile.id });
    await db.insert(conversationThreads).values({ customerId: counterProfile.id, lastMessageAt: new Date() });
    const [thread] = await db
      .select()
      .from(conversationThreads)
      .where(eq(conversationThreads.customerId, counterProfile.id));
    await db
      .insert(conversationMessages)
      .values({ threadId: thread.id, channel: 'in_store_note', author: 'staff', body: 'Asked for size 40.' });
    const [annaBalance, dupBalance] = [await balanceOf(anna.customerId!), await balanceOf(counterProfile.id)];
    const dupEntries = (
      await db.select().from(loyaltyEntries).where(eq(loyaltyEntries.customerId, counterProfile.id))
    ).length;
    expect(dupEntries).toBeGreaterThan(0);

    const result = await mergeCustomers(db, { keepId: anna.customerId!, mergeId: counterProfile.id }, admin);
    expect(result).toMatchObject({
      orders: 1,
      loyaltyEntries: dupEntries,
      pointsMoved: dupBalance,
      addresses: 1,
      carts: 1,
      accountMoved: false,
    });
    expect(await balanceOf(anna.customerId!)).toBe(annaBalance + dupBalance);

    expect((await db.select().from(orders).where(eq(orders.id, sale.orderId)))[0].customerId).toBe(
      anna.customerId,
    );
    expect(
      await db.select().from(loyaltyEntries).where(eq(loyaltyEntries.customerId, counterProfile.id)),
    ).toEqual([]);
    expect(await balanceOf(anna.customerId!)).toBe(await ledgerSum(anna.customerId!));
    expect(
      await db.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, counterProfile.id)),
    ).toEqual([]);
    const addresses = await db
      .select()
      .from(customerAddresses)
      .where(eq(customerAddresses.customerId, anna.customerId!));
    expect(addresses.map((a) => [a.street, a.isDefault])).toEqual([
      ['Biltstraat 45', true],
      ['Oudegracht 1', false],
    ]);
    const [movedThread] = await db
      .select()
      .from(conversationThreads)
      .where(eq(conversationThreads.customerId, anna.customerId!));
    expect(movedThread.id).toBe(thread.id);
    expect(await db.select().from(carts).where(eq(carts.customerId, counterProfile.id))).toEqual([]);

    const [gone] = await db.select().from(customers).where(eq(customers.id, counterProfile.id));
    expect(gone).toMatchObject({ mergedIntoCustomerId: anna.customerId, email: null });
    expect((await searchCustomers(db, clerk, '0612345678')).map((c) => c.id)).toEqual([anna.customerId]);
    const [entry] = await audits('customer.merged');
    expect(entry).toMatchObject({
      actorUserId: admin.userId,
      entityType: 'customer',
      entityId: String(anna.customerId),
      after: expect.objectContaining({ mergedCustomerId: counterProfile.id }),
    });
  });

  it('moves the account when only the duplicate has one; refuses two accounts, itself, and non-admins', async () => {
    const counterProfile = await createProfile(db, { name: 'Anna (counter)' });
    expect(
      await codeOf(mergeCustomers(db, { keepId: counterProfile.id, mergeId: anna.customerId! }, clerk)),
    ).toBe('forbidden');
    const result = await mergeCustomers(db, { keepId: counterProfile.id, mergeId: anna.customerId! }, admin);
    expect(result.accountMoved).toBe(true);
    expect((await db.select().from(users).where(eq(users.id, anna.userId)))[0].customerId).toBe(
      counterProfile.id,
    );
    // The kept profile takes the email it lacked.
    expect((await db.select().from(customers).where(eq(customers.id, counterProfile.id)))[0].email).toBe(
      'anna@example.com',
    );

    const ben = await createCustomerActor(db, 'ben@example.com');
    const chloe = await createCustomerActor(db, 'chloe@example.com');
    expect(
      await codeOf(mergeCustomers(db, { keepId: ben.customerId!, mergeId: chloe.customerId! }, admin)),
    ).toBe('customers.bothHaveAccounts');
    expect(
      await codeOf(mergeCustomers(db, { keepId: ben.customerId!, mergeId: ben.customerId! }, admin)),
    ).toBe('invalidState');
    expect(
      await codeOf(mergeCustomers(db, { keepId: ben.customerId!, mergeId: anna.customerId! }, admin)),
    ).toBe('notFound'); // already merged
    expect(await audits('customer.merged')).toHaveLength(1);
  });
});

describe('[CUSTOMERS] GDPR export and erase', () => {
  async function annaWithHistory() {
    const web = await webOrder(db, shop, { fulfilment: 'delivery', actor: anna });
    await payOnline(db, web);
    const sale = await counterSale(db, shop, clerk, anna.customerId);
    await givePoints(anna.customerId!, 30, sale.orderId);
    await db.insert(customerAddresses).values({
      customerId: anna.customerId!,
      name: 'Anna de Jong',
      street: 'Biltstraat 45',
      postcode: '3572 AJ',
      city: 'Utrecht',
      isDefault: true,
    });
    await postCustomerMessage(
      db,
      { orderId: web.orderId, body: 'Please leave it with the neighbours.' },
      { actor: anna, guestOrderIds: [] },
    );
    await getOrCreateWebCart(db, { customerId: anna.customerId });
    return { web, sale };
  }

  it('exports orders, conversations, loyalty and addresses as JSON (no password hash), audited', async () => {
    const { web, sale } = await annaWithHistory();
    await issueStoreCredit(db, {
      customerId: anna.customerId!,
      amountCents: 1250,
      idempotencyKey: 'export-test',
      reason: 'goodwill',
    });
    const data = await exportCustomer(db, { customerId: anna.customerId! }, admin);
    expect(data.storeCredit).toMatchObject({
      balanceCents: 1250,
      entries: [{ kind: 'issue', amountCents: 1250, reason: 'goodwill' }],
    });
    expect(data.orders.every((o) => Array.isArray(o.returns) && Array.isArray(o.refunds))).toBe(true);
    expect(data.profile).toMatchObject({
      id: anna.customerId,
      name: 'Anna de Jong',
      email: 'anna@example.com',
      phone: '+31612345678',
    });
    expect(data.orders.map((o) => o.number).sort()).toEqual([web.number, sale.number].sort());
    expect(data.orders[0].lines.length).toBeGreaterThan(0);
    expect(data.orders.find((o) => o.number === web.number)?.shippingAddress).toMatchObject({
      street: 'Damrak 1',
    });
    expect(data.conversations[0].messages.map((m) => m.body)).toContain(
      'Please leave it with the neighbours.',
    );
    expect(data.loyalty.entries).toContainEqual(expect.objectContaining({ points: 30, kind: 'adjustment' }));
    expect(data.loyalty.balance).toBe(await balanceOf(anna.customerId!));
    expect(data.addresses).toMatchObject([{ street: 'Biltstraat 45', city: 'Utrecht' }]);
    expect(data.account).toMatchObject({ email: 'anna@example.com', role: 'customer' });
    expect(JSON.stringify(data)).not.toContain('passwordHash');
    expect(await audits('customer.exported')).toHaveLength(1);
    expect(await codeOf(exportCustomer(db, { customerId: anna.customerId! }, clerk))).toBe('forbidden');
  });

  it('erases personal data but keeps order amounts, VAT and invoices; disables the account', async () => {
    const { web, sale } = await annaWithHistory();
    const amountsBefore = await db
      .select({
        id: orders.id,
        total: orders.totalCents,
        vat: orders.vatCents,
        breakdown: orders.vatBreakdown,
      })
      .from(orders)
      .orderBy(orders.id);
    const invoicesBefore = await db.select().from(invoices).orderBy(invoices.id);

    expect(await codeOf(eraseCustomer(db, { customerId: anna.customerId! }, clerk))).toBe('forbidden');
    const result = await eraseCustomer(db, { customerId: anna.customerId! }, admin);
    expect(result).toMatchObject({ orders: 2, addresses: 1, accountDisabled: true });

    const [profile] = await db.select().from(customers).where(eq(customers.id, anna.customerId!));
    expect(profile).toMatchObject({
      name: ERASED_NAME,
      email: null,
      phone: null,
      loyaltyCardNumber: null,
      marketingOptIn: false,
    });
    expect(profile.erasedAt).not.toBeNull();
    expect(await db.select().from(customerAddresses)).toEqual([]);
    const erasedOrders = await db.select().from(orders).where(eq(orders.customerId, anna.customerId!));
    for (const o of erasedOrders)
      expect(o).toMatchObject({ email: null, phone: null, customerName: ERASED_NAME });
    expect(erasedOrders.find((o) => o.id === web.orderId)?.shippingAddress).toEqual({
      name: ERASED_NAME,
      street: '',
      postcode: '',
      city: '',
      country: 'NL',
    });
    expect(erasedOrders.find((o) => o.id === sale.orderId)?.shippingAddress).toBeNull();
    expect(
      await db
        .select({
          id: orders.id,
          total: orders.totalCents,
          vat: orders.vatCents,
          breakdown: orders.vatBreakdown,
        })
        .from(orders)
        .orderBy(orders.id),
    ).toEqual(amountsBefore);
    expect(await db.select().from(invoices).orderBy(invoices.id)).toEqual(invoicesBefore);
    const bodies = await db.select({ body: conversationMessages.body }).from(conversationMessages);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.every((m) => m.body === ERASED_MESSAGE)).toBe(true);
    const sent = await db.select().from(notifications);
    expect(sent.every((n) => n.recipient === 'erased' && n.status !== 'pending')).toBe(true);
    const [account] = await db.select().from(users).where(eq(users.id, anna.userId));
    expect(account.disabled).toBe(true);
    expect(account.email).not.toContain('anna');
    expect(account.sessionVersion).toBe(anna.sessionVersion + 1);

    const dump = JSON.stringify(await exportCustomer(db, { customerId: anna.customerId! }, admin));
    for (const personal of [
      'anna@example.com',
      '+31612345678',
      'Anna de Jong',
      'Biltstraat',
      'Damrak',
      'neighbours',
    ])
      expect(dump).not.toContain(personal);
    const [entry] = await audits('customer.erased');
    expect(JSON.stringify(entry)).not.toContain('anna');
    expect(await codeOf(eraseCustomer(db, { customerId: anna.customerId! }, admin))).toBe(
      'customers.alreadyErased',
    );
    expect(await searchCustomers(db, clerk, 'anna@example.com')).toEqual([]);
  });
});
