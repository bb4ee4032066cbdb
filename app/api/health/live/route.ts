import { withRequestLogContext } from '@/lib/logging/route';

// Liveness: the process is up and serving. Never touches the database, so an outage there does not
// get healthy instances restarted; readiness (../ready) is what takes an instance out of rotation.
export const dynamic = 'force-dynamic';

export const GET = withRequestLogContext(() => {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
});
