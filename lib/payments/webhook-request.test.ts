import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { WebhookRejected, type PaymentProvider } from './provider';
import { handlePaymentWebhookRequest, MAX_WEBHOOK_BODY_BYTES } from './webhook';

// The route's own logic, before any database: these requests never reach settlePayment.
const noDb = null as unknown as Db;

/** A provider that only records the body it was given, then refuses it as "not understood" (400). */
function recordingProvider() {
  const seen: string[] = [];
  const provider: PaymentProvider = {
    method: 'test_provider',
    createPayment: () => Promise.reject(new Error('not used')),
    refund: () => Promise.reject(new Error('not used')),
    handleWebhook: async ({ rawBody }) => {
      seen.push(rawBody);
      throw new WebhookRejected('payload', 'recorded');
    },
  };
  return { provider, seen };
}

/** A body streamed on demand, `chunk` bytes at a time up to `total`, counting what was pulled. */
function streamedBody(total: number, chunk = 16 * 1024, byte = 0x61) {
  const stats = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(chunk, total - stats.pulledBytes);
        if (size <= 0) return controller.close();
        stats.pulledBytes += size;
        controller.enqueue(new Uint8Array(size).fill(byte));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // nothing is read ahead: what was pulled is what the handler asked for
  );
  return { stream, stats };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://127.0.0.1/api/payments/webhook', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
}

describe('payment webhook request body limit', () => {
  it('stops reading a streamed body just past 64 KiB and answers 413 without handling it', async () => {
    const { provider, seen } = recordingProvider();
    const { stream, stats } = streamedBody(10 * 1024 * 1024);

    const response = await handlePaymentWebhookRequest(noDb, post(stream), provider);

    expect(response).toEqual({ status: 413, body: { error: 'too_large' } });
    // Read up to the first chunk over the limit, not the 10 MiB, and the rest was cancelled.
    expect(stats.pulledBytes).toBeLessThanOrEqual(MAX_WEBHOOK_BODY_BYTES + 16 * 1024);
    expect(stats.cancelled).toBe(true);
    expect(seen).toEqual([]);
  });

  it('refuses a Content-Length over the limit before reading anything', async () => {
    const { provider, seen } = recordingProvider();
    const { stream, stats } = streamedBody(100);

    const response = await handlePaymentWebhookRequest(
      noDb,
      post(stream, { 'content-length': String(MAX_WEBHOOK_BODY_BYTES + 1) }),
      provider,
    );

    expect(response.status).toBe(413);
    expect(stats.pulledBytes).toBe(0);
    expect(seen).toEqual([]);
  });

  it('refuses 64 KiB + 1 byte and passes exactly 64 KiB on, decoded as UTF-8 across chunk edges', async () => {
    const over = recordingProvider();
    const tooLong = streamedBody(MAX_WEBHOOK_BODY_BYTES + 1, 1000);
    expect((await handlePaymentWebhookRequest(noDb, post(tooLong.stream), over.provider)).status).toBe(413);
    expect(over.seen).toEqual([]);

    // "é" is two bytes: chunks of 999 bytes split some of them in half.
    const text = 'é'.repeat(MAX_WEBHOOK_BODY_BYTES / 2);
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    const split = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 999));
        offset += 999;
      },
    });
    const exact = recordingProvider();
    const response = await handlePaymentWebhookRequest(noDb, post(split), exact.provider);
    expect(response).toEqual({ status: 400, body: { error: 'payload' } });
    expect(exact.seen).toEqual([text]);
  });
});
