import { ADMIN_ROLES, authorize } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { getOutboxMessage } from '@/lib/notifications/queries';
import { withRequestLogContext } from '@/lib/logging/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/outbox/<id>/preview: a message's HTML as the recipient's mail client gets it, for the
 * sandboxed iframe of /admin/outbox/<id>. Its own document so that it gets its own CSP (inline styles,
 * as every email has, and nothing else; see lib/security/headers.ts), which the admin page's strict
 * policy would refuse. Admins only.
 */
export const GET = withRequestLogContext(async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  try {
    const actor = await authorize(ADMIN_ROLES);
    const message = await getOutboxMessage(getDb(), actor, (await params).id);
    if (!message?.bodyHtml) return new Response('Not found', { status: 404 });
    return new Response(message.bodyHtml, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'unauthenticated' || error.code === 'forbidden')) {
      return new Response(null, { status: error.code === 'unauthenticated' ? 401 : 403 });
    }
    throw error;
  }
});
