import { getReadiness } from '@/lib/health/readiness';

// Readiness: 200 only when the database answers, no migration is pending and the instance is not
// shutting down; 503 otherwise, so a load balancer sends its traffic elsewhere.
export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await getReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
