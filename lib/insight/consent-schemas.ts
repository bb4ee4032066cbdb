import { z } from 'zod';

const landingField = (max: number) => z.string().max(max, 'validation.tooLong').optional();

/**
 * The banner's choice, with the landing's source when the choice is made on the visit's first page(s):
 * before consent no analytics cookie may hold it, so the banner carries it (hidden fields, from the URL).
 */
export const setConsentSchema = z
  .object({
    choice: z.enum(['all', 'essential'], 'validation.choice'),
    source: landingField(200),
    medium: landingField(200),
    campaign: landingField(200),
    referrer: landingField(500),
  })
  .strict();

export type SetConsentInput = z.output<typeof setConsentSchema>;
