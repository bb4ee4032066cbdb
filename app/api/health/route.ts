import { isOperatorRequest } from '@/lib/health/operator-token';
import { checkHealth } from '@/lib/health/queries';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * Up (200 `{status:'ok'}`) or down (503 `{status:'down'}`) for anyone — load balancers and Playwright's
 * webServer wait. Which database, its latency and pending migrations only for an operator
 * (`Authorization: Bearer $OPERATOR_TOKEN`): they tell an attacker what to aim at.
 */
export const GET = withRequestLogContext(async (request: Request) => {
  const operator = isOperatorRequest(request.headers);
  const health = await checkHealth({ details: operator });
  const status = health.ok ? 'ok' : 'down';
  const body = operator
    ? {
        status,
        database: health.database,
        latencyMs: health.latencyMs,
        pendingMigrations: health.pendingMigrations,
      }
    : { status };
  return Response.json(body, {
    status: health.ok ? 200 : 503,
    headers: { 'cache-control': 'no-store', vary: 'authorization' },
  });
});
