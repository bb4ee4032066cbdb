import { stockMovementReason } from '@/db/schema/inventory';
import type { LedgerFilter } from './ledger-queries';

const MOVEMENT_REASONS = stockMovementReason.enumValues;

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

/**
 * The ledger filter from a URL's query (the page and its CSV link share it). Anything unknown or
 * malformed is dropped, never an error: a filter narrows, it cannot break the page.
 */
export function ledgerFilterFromParams(params: Params): LedgerFilter {
  const locationId = Number.parseInt(one(params.location), 10);
  const reason = one(params.reason);
  const day = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return {
    search: one(params.q).slice(0, 100) || undefined,
    locationId: Number.isSafeInteger(locationId) && locationId > 0 ? locationId : undefined,
    reason: (MOVEMENT_REASONS as readonly string[]).includes(reason) ? (reason as LedgerFilter['reason']) : undefined,
    from: day(one(params.from)),
    to: day(one(params.to)),
  };
}

/** The same filter back as query parameters (for links: pages, CSV). */
export function ledgerFilterToSearch(filter: LedgerFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.search) search.set('q', filter.search);
  if (filter.locationId) search.set('location', String(filter.locationId));
  if (filter.reason) search.set('reason', filter.reason);
  if (filter.from) search.set('from', filter.from);
  if (filter.to) search.set('to', filter.to);
  return search;
}
