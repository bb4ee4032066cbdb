import { getImageStore, IMAGE_KEY_RE } from '@/lib/catalog/image-store';
import { withRequestLogContext } from '@/lib/logging/route';

// Product photos, from whichever store is configured (lib/catalog/image-store). Public like the shop
// itself; keys are random UUIDs and only keys we write are accepted (no ../, no other folders).
export const GET = withRequestLogContext(async (_request: Request, { params }: { params: Promise<{ key: string[] | string }> }) => {
  const raw = (await params).key;
  const key = Array.isArray(raw) ? raw.join('/') : String(raw ?? '');
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!IMAGE_KEY_RE.test(key)) return notFound();
  const image = await getImageStore().get(key);
  if (!image) return notFound();
  return new Response(image.bytes.slice().buffer, {
    headers: {
      'content-type': image.contentType,
      'content-length': String(image.bytes.byteLength),
      // A key never changes its bytes (a new upload gets a new key).
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
