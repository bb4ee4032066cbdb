import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { exportCatalogCsv } from '@/lib/catalog/csv/export';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/products/export: every product and variant with its price as catalog CSV (the format
 * /admin/products/import reads back). Admins only.
 */
export const GET = withRequestLogContext(async (): Promise<Response> => {
  try {
    const actor = await authorize(ADMIN_ROLES);
    const csv = await exportCatalogCsv(getDb(), actor);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="omnishop-products-${day}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'unauthenticated' || error.code === 'forbidden')) {
      return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
    }
    throw error;
  }
});
