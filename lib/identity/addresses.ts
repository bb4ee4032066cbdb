import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerAddresses } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { AddressInput } from './account-schemas';

// The customer's small address book. Every statement is scoped by the customer's own id (from the
// session), so an address id of someone else's simply is not found. At most one default per customer
// (a partial unique index): the old default is cleared before a new one is set, in one transaction.

/** Enough for home, work and a few relatives; more is a form being abused. */
export const MAX_ADDRESSES = 10;

export interface AddressDto {
  id: number;
  label: string | null;
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

const columns = {
  id: customerAddresses.id,
  label: customerAddresses.label,
  name: customerAddresses.name,
  street: customerAddresses.street,
  postcode: customerAddresses.postcode,
  city: customerAddresses.city,
  country: customerAddresses.country,
  isDefault: customerAddresses.isDefault,
};

/** The customer's addresses, the default first, then the newest. */
export async function listAddresses(db: DbOrTx, customerId: number): Promise<AddressDto[]> {
  return db
    .select(columns)
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isDefault), desc(customerAddresses.id));
}

/** The address that prefills checkout, or null. */
export async function getDefaultAddress(db: DbOrTx, customerId: number): Promise<AddressDto | null> {
  const [row] = await db
    .select(columns)
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true)));
  return row ?? null;
}

async function makeDefault(tx: DbOrTx, customerId: number, addressId: number): Promise<void> {
  await tx
    .update(customerAddresses)
    .set({ isDefault: false })
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true), ne(customerAddresses.id, addressId)));
  await tx
    .update(customerAddresses)
    .set({ isDefault: true, updatedAt: new Date() })
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, addressId)));
}

/**
 * Adds an address, or changes one of the customer's own (`addressId`). The first address becomes the
 * default; `makeDefault` moves the default to this one. Errors: addressNotFound, tooManyAddresses.
 */
export async function saveAddress(db: DbOrTx, customerId: number, input: AddressInput): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: customerAddresses.id }).from(customerAddresses).where(eq(customerAddresses.customerId, customerId)).for('update');
    const values = { label: input.label ?? null, name: input.name, street: input.street, postcode: input.postcode, city: input.city, country: 'NL' };
    let id: number;
    if (input.addressId !== undefined) {
      const [row] = await tx
        .update(customerAddresses)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(customerAddresses.id, input.addressId), eq(customerAddresses.customerId, customerId)))
        .returning({ id: customerAddresses.id });
      if (!row) throw new DomainError('addressNotFound');
      id = row.id;
    } else {
      if (existing.length >= MAX_ADDRESSES) throw new DomainError('tooManyAddresses', { max: MAX_ADDRESSES });
      const [row] = await tx
        .insert(customerAddresses)
        .values({ ...values, customerId, isDefault: existing.length === 0 })
        .returning({ id: customerAddresses.id });
      id = row.id;
    }
    if (input.makeDefault) await makeDefault(tx, customerId, id);
    return { id };
  });
}

/** Makes one of the customer's addresses the default. */
export async function setDefaultAddress(db: DbOrTx, customerId: number, addressId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: customerAddresses.id })
      .from(customerAddresses)
      .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)))
      .for('update');
    if (!row) throw new DomainError('addressNotFound');
    await makeDefault(tx, customerId, addressId);
  });
}

/** Deletes one of the customer's addresses; when it was the default, the newest remaining one takes over. */
export async function deleteAddress(db: DbOrTx, customerId: number, addressId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(customerAddresses)
      .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)))
      .returning({ isDefault: customerAddresses.isDefault });
    if (!gone) throw new DomainError('addressNotFound');
    if (!gone.isDefault) return;
    const [next] = await tx
      .select({ id: customerAddresses.id })
      .from(customerAddresses)
      .where(eq(customerAddresses.customerId, customerId))
      .orderBy(desc(customerAddresses.id))
      .limit(1);
    if (next) await makeDefault(tx, customerId, next.id);
  });
}
