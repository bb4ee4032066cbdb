import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translate';
import { analyticsTableRows, isAnalyticsTable, toCsv } from '@/lib/insight/analytics-csv';
import { parseAnalyticsFilter } from '@/lib/insight/analytics-filter';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/analytics/<table>?from=&to=&store=[&period=week|month] : one table of /admin/analytics
 * (sales, funnel-channel, funnel-source, channel-share, promotions, satisfaction) for the same filter,
 * as CSV. Admins only; a reversed range or a day that is no date is refused with the page's message and nothing is computed.
 */
export const GET = withRequestLogContext(async (request: Request, { params }: { params: Promise<{ table: string }> }): Promise<Response> => {
  try {
    const actor = await authorize(ADMIN_ROLES);
    const { table } = await params;
    if (!isAnalyticsTable(table)) return new Response('Not found', { status: 404 });
    const url = new URL(request.url);
    const parsed = parseAnalyticsFilter(Object.fromEntries(url.searchParams));
    if (!parsed.ok) {
      const { t } = await getTranslator();
      return new Response(t(`analytics.errors.${parsed.error}`), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const period = url.searchParams.get('period') === 'month' ? 'month' : 'week';
    const { header, rows } = await analyticsTableRows(getDb(), actor, table, parsed.filter, { period });
    const { from, to } = parsed.filter;
    return new Response(toCsv(header, rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="analytics-${table}-${from}-${to}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'unauthenticated' || error.code === 'forbidden'))
      return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
    throw error;
  }
});
