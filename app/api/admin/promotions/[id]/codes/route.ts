import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { campaignCodesCsv, listCampaignCodes } from '@/lib/promotions/campaign-codes';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/promotions/<id>/codes: the promotion's campaign codes with their uses as CSV (UTF-8
 * with BOM for spreadsheets). Admins only — checked here and again in listCampaignCodes.
 */
export const GET = withRequestLogContext(async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  try {
    const actor = await authorize(ADMIN_ROLES);
    const raw = (await params).id;
    if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) return new Response('Not found', { status: 404 });
    const { codes } = await listCampaignCodes(getDb(), Number(raw), actor);
    return new Response(campaignCodesCsv(codes), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="promotion-${raw}-codes.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === 'unauthenticated' || error.code === 'forbidden') return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
      if (error.code === 'notFound') return new Response('Not found', { status: 404 });
    }
    throw error;
  }
});
