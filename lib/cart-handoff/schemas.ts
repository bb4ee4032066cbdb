import { z } from 'zod';

export const startHandoffSchema = z.object({}).strict();

/**
 * What the clerk typed, the scanner typed or the camera read. Only its length is checked here: whether
 * it can be a code is answered by the action (a localized "unknown code"), after the guess is counted.
 */
export const loadHandoffSchema = z
  .object({ code: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong') })
  .strict();

export type LoadHandoffInput = z.output<typeof loadHandoffSchema>;
