import { z } from 'zod';

/** Largest CSV accepted (characters): ~5000 variant rows, well under the server-action body limit. */
export const MAX_CSV_CHARS = 900_000;

/** The file's text, read in the browser; the dry run and the import take the same input. */
export const catalogCsvSchema = z
  .object({
    csv: z.string('validation.required').min(1, 'validation.required').max(MAX_CSV_CHARS, 'validation.tooLong'),
  })
  .strict();
