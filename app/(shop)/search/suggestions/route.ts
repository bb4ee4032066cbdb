import { getLocale } from '@/lib/i18n/locale';
import { suggestProducts } from '@/lib/catalog/suggest';
import { MAX_QUERY_LENGTH } from '@/lib/catalog/search';
import { getDb } from '@/lib/db';

// The header search's suggestions (GET /search/suggestions?q=…): public catalog names only, read-only.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const locale = await getLocale();
  const body = q.length < 2 ? { items: [], didYouMean: null } : await suggestProducts(getDb(), q, locale);
  // Short private caching: the same keystrokes again (backspace) need no new query.
  return Response.json(body, { headers: { 'cache-control': 'private, max-age=30' } });
}
