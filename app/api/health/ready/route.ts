import { isOperatorRequest } from '@/lib/health/operator-token';
import { getReadiness } from '@/lib/health/readiness';
import { withRequestLogContext } from '@/lib/logging/route';

// Readiness: 200 only when the database answers, no migration is pending and the instance is not
// shutting down; 503 otherwise, so a load balancer sends its traffic elsewhere. Why it is not ready
// (database, migrations, shutdown) only for an operator, like /api/health.
export const dynamic = 'force-dynamic';

export const GET = withRequestLogContext(async (request: Request) => {
  const readiness = await getReadiness();
  const body = isOperatorRequest(request.headers) ? readiness : { ready: readiness.ready };
  return Response.json(body, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store', vary: 'authorization' },
  });
});
