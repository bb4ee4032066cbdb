import { z } from 'zod';
import { idFromForm, optionalIntFromForm } from '@/lib/actions/form-numbers';
import { emailSchema } from '@/lib/identity/schemas';

/** The roles an admin hands out in /admin/staff (customers sign up themselves). */
export const STAFF_ROLES = ['clerk', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const role = z.enum(STAFF_ROLES, 'validation.invalid');
// A clerk's store; ignored for an admin, who works for every store (the mutation enforces the pairing).
const storeId = optionalIntFromForm({ min: 1, message: 'validation.invalid', rangeMessage: 'validation.invalid' });

export const createStaffSchema = z
  .object({
    // A lone UTF-16 surrogate is no text: it cannot go into the invitation mail's JSON payload.
    name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong').refine((v) => v.isWellFormed(), 'validation.invalid'),
    email: emailSchema,
    role,
    storeId,
  })
  .strict();

export const updateStaffSchema = z.object({ userId: idFromForm(), role, storeId }).strict();

/** Password reset, deactivate and reactivate name one staff account. */
export const staffIdSchema = z.object({ userId: idFromForm() }).strict();

// The store is optional for callers too (an admin has none).
export type CreateStaffInput = Omit<z.output<typeof createStaffSchema>, 'storeId'> & { storeId?: number };
export type UpdateStaffInput = Omit<z.output<typeof updateStaffSchema>, 'storeId'> & { storeId?: number };
