import Papa from 'papaparse';
import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { ledgerFilterFromParams } from '@/lib/inventory/ledger-filter';
import { ledgerRowsForExport } from '@/lib/inventory/ledger-queries';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

const HEADER = ['id', 'created_at', 'sku', 'product', 'location', 'reason', 'adjustment_reason', 'on_hand_delta', 'reserved_delta', 'reference', 'note', 'actor'];

/**
 * GET /api/admin/stock/ledger?q=&location=&reason=&from=&to= : the stock ledger for the same filter
 * as /admin/stock/ledger, as CSV (UTF-8 with BOM for spreadsheets; cells that a spreadsheet would run
 * as a formula are escaped). Admins only.
 */
export const GET = withRequestLogContext(async (request: Request): Promise<Response> => {
  try {
    await authorize(ADMIN_ROLES);
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'unauthenticated' || error.code === 'forbidden')) {
      return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
    }
    throw error;
  }
  const url = new URL(request.url);
  const filter = ledgerFilterFromParams(Object.fromEntries(url.searchParams));
  const locale = url.searchParams.get('lang') === 'nl' ? 'nl' : 'en';
  const lines: string[] = [Papa.unparse([HEADER])];
  for await (const batch of ledgerRowsForExport(getDb(), filter, locale)) {
    lines.push(
      Papa.unparse(
        batch.map((r) => [
          r.id,
          r.createdAt.toISOString(),
          r.sku,
          r.productName,
          r.locationName,
          r.reason,
          r.adjustmentReason ?? '',
          r.onHandDelta,
          r.reservedDelta,
          r.reference ?? '',
          r.note ?? '',
          r.actorName ?? '',
        ]),
        { escapeFormulae: true },
      ),
    );
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="stock-ledger-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
});
