import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRequestLogContext } from './route';
import { captureLog } from './testing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('route handler log context', () => {
  it('every line a wrapped handler writes carries the request id, also after an await and in a timer', async () => {
    const { logger, records } = captureLog();
    const GET = withRequestLogContext(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
      logger.info({ id: (await params).id }, 'start');
      await new Promise<void>((resolve) => setImmediate(resolve));
      logger.child({ module: 'export' }).warn('middle');
      await new Promise<void>((resolve) => setTimeout(() => (logger.info('in a timer'), resolve()), 0));
      return new Response(`ok ${new URL(request.url).pathname}`, { status: 201 });
    });
    const response = await GET(new Request('http://shop.test/api/x', { headers: { 'x-request-id': 'proxy-req-0001' } }), {
      params: Promise.resolve({ id: '7' }),
    });
    // The handler's own answer, untouched.
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('ok /api/x');
    const lines = records();
    expect(lines.map((line) => line.msg)).toEqual(['start', 'middle', 'in a timer']);
    for (const line of lines) expect(line).toMatchObject({ requestId: 'proxy-req-0001' });
    expect(lines[0]).toMatchObject({ id: '7' });
  });

  it('makes a new id when the proxy sent none or a hostile one, one per request, not leaking between them', async () => {
    const { logger, records } = captureLog();
    const POST = withRequestLogContext(async (request: Request) => {
      await Promise.resolve();
      logger.info({ tag: request.headers.get('x-tag') }, 'handled');
      return Response.json({});
    });
    await Promise.all([
      POST(new Request('http://shop.test/api/y', { method: 'POST', headers: { 'x-tag': 'a' } })),
      POST(new Request('http://shop.test/api/y', { method: 'POST', headers: { 'x-tag': 'b', 'x-request-id': 'x" {"level":"fatal"}' } })),
    ]);
    logger.info('outside');
    const [a, b, outside] = records().sort((x, y) => String(x.tag ?? 'z').localeCompare(String(y.tag ?? 'z')));
    expect(a.requestId).toMatch(UUID);
    expect(b.requestId).toMatch(UUID);
    expect(a.requestId).not.toBe(b.requestId);
    expect(outside.requestId).toBeUndefined();
  });

  it('wraps a handler that takes no arguments, and passes a thrown error through', async () => {
    const { logger, records } = captureLog();
    const live = withRequestLogContext(() => {
      logger.info('alive');
      return Response.json({ ok: true });
    });
    expect((live as () => Response)().status).toBe(200);
    expect(records()[0].requestId).toMatch(UUID);
    const failing = withRequestLogContext(async (_request: Request) => {
      throw new Error('boom');
    });
    await expect(failing(new Request('http://shop.test/'))).rejects.toThrow('boom');
  });

  it('every route handler under app/api goes through the wrapper', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = fs
      .readdirSync(path.join(root, 'app/api'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'route.ts')
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
    expect(files.length).toBeGreaterThan(10);
    const METHOD = '(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)';
    const unwrapped: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      const exported = [
        ...[...source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+${METHOD}\\b`, 'g'))].map((m) => m[1]),
        ...[...source.matchAll(new RegExp(`export\\s+const\\s+${METHOD}\\b`, 'g'))].map((m) => m[1]),
        ...[...source.matchAll(/export\s+(?:const|let|var)\s+\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((name) => name.trim())),
        ...[...source.matchAll(/export\s+\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((name) => name.trim())),
      ].filter(Boolean);
      expect(exported.length, `${file} exports no handler this test recognises`).toBeGreaterThan(0);
      for (const method of exported) {
        if (!new RegExp(`export\\s+const\\s+${method}\\s*=\\s*withRequestLogContext\\(`).test(source)) unwrapped.push(`${file} ${method}`);
      }
    }
    expect(unwrapped).toEqual([]);
  });
});
