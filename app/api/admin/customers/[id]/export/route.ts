import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { exportCustomer } from '@/lib/customers/export';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/customers/<id>/export: the GDPR export of one person as a JSON download (everything
 * the shop holds about them, see lib/customers/export.ts). Admins only; each download is audited.
 */
export const GET = withRequestLogContext(async (
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> => {
  try {
    const actor = await authorize(ADMIN_ROLES);
    const raw = (await params).id;
    if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647)
      return new Response('Not found', { status: 404 });
    const data = await exportCustomer(getDb(), { customerId: Number(raw) }, actor);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="customer-${data.profile.id}-export.json"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === 'unauthenticated' || error.code === 'forbidden')
        return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
      if (error.code === 'notFound') return new Response('Not found', { status: 404 });
    }
    throw error;
  }
});
