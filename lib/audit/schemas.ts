import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const date = z.unknown().optional().transform((v) => (typeof v === 'string' && DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined));
const word = z.unknown().optional().transform((v) => (typeof v === 'string' && /^[a-z_.]{1,60}$/.test(v) ? v : undefined));

/**
 * The audit log's filters from the URL (a GET form, so a view can be shared): anything malformed
 * counts as "all", a bad page as 1. Dates are days in the shop's time zone (Europe/Amsterdam), inclusive.
 */
export const auditFilterSchema = z.object({
  actor: z.unknown().optional().transform((v) => (typeof v === 'string' && /^[0-9]{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined)),
  action: word,
  entityType: word,
  from: date,
  to: date,
  page: z.unknown().optional().transform((v) => (typeof v === 'string' && /^[0-9]{1,4}$/.test(v) ? Math.max(1, Number(v)) : 1)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
