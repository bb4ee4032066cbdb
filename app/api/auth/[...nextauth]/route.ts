import { handlers } from '@/lib/auth/auth';
import { withRequestLogContext } from '@/lib/logging/route';

export const GET = withRequestLogContext(handlers.GET);
export const POST = withRequestLogContext(handlers.POST);
