import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { notifications } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { createDeliveryJob } from '../delivery';
import { enqueueNotification } from '../outbox';
import { getOutboxMessage, listOutbox } from '../queries';
import { devOutboxTransport } from './dev-outbox';
import { httpSmsTransport } from './sms-http';
import { PermanentDeliveryError } from './types';

// A local HTTP server stands in for the SMS provider and records every request; each test sets how it answers.
let server: Server;
let url: string;
let requests: { method?: string; path?: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
let answer: (n: number) => { status: number; body: string } = () => ({ status: 201, body: '{"id":"batch-1"}' });
let handle: DbHandle;

const admin: Actor = { userId: 1, role: 'admin', email: 'admin@example.com', name: 'Admin', locationId: null, customerId: null, sessionVersion: 0 };
const TOKEN = 'test-token-123';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method, path: req.url, headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
      const { status, body } = answer(requests.length);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xms/v1/shop/batches`;
  handle = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle?.close();
});
beforeEach(async () => {
  requests = [];
  answer = () => ({ status: 201, body: '{"id":"batch-1"}' });
  await handle.db.delete(notifications);
});

const transport = () => httpSmsTransport({ url, token: TOKEN, from: 'Omnishop' });
const sms = (to: string) => ({ id: '00000000-0000-4000-8000-000000000009', channel: 'sms' as const, to, subject: 's', text: 'Je bestelling ligt klaar.' });

describe('HTTP SMS transport', () => {
  it('posts the message with the bearer token and the number in E.164', async () => {
    const result = await transport().send(sms('06 12345678'));
    expect(result).toEqual({ providerMessageId: 'batch-1' });
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/xms/v1/shop/batches');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({ from: 'Omnishop', to: ['+31612345678'], body: 'Je bestelling ligt klaar.', client_reference: '00000000-0000-4000-8000-000000000009' });
  });

  it('sends to a Belgian number as +32', async () => {
    await transport().send(sms('+32 470 12 34 56'));
    expect(requests[0].body.to).toEqual(['+32470123456']);
  });

  it('refuses an invalid or landline number without calling the provider', async () => {
    await expect(transport().send(sms('12345'))).rejects.toThrow(new PermanentDeliveryError('Invalid phone number "12345": not a valid number (default region NL)'));
    await expect(transport().send(sms('020 123 4567'))).rejects.toThrow(/\+31201234567 is a landline/);
    expect(requests).toHaveLength(0);
  });

  it('a 400 from the provider is permanent, a 500 is worth a retry', async () => {
    answer = () => ({ status: 400, body: '{"code":"syntax_invalid_parameter_format"}' });
    await expect(transport().send(sms('0612345678'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    answer = () => ({ status: 500, body: 'upstream down' });
    const error = await transport().send(sms('0612345678')).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect((error as Error).message).toBe('SMS provider answered 500: upstream down');
  });

  it('through the delivery job: a provider answering 500 then 200 gets the message on the retry', async () => {
    answer = (n) => (n === 1 ? { status: 500, body: '{"error":"try later"}' } : { status: 200, body: '{"id":"sms-42"}' });
    const job = createDeliveryJob({ transports: { email: devOutboxTransport(), sms: transport() } });
    await enqueueNotification(handle.db, {
      causeKey: 'order:1:ready_for_pickup',
      channel: 'sms',
      recipient: '+31612345678',
      templateKey: 'conversation_reply',
      locale: 'nl',
      payload: { customerName: 'Anna', excerpt: 'Klaar', link: '/account/messages/1' },
    });
    const worker = { db: handle.db, workerId: 'w' };
    await job.runBatch(worker);
    let [row] = await handle.db.select().from(notifications);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMS provider answered 500: {"error":"try later"}' });

    await handle.db.update(notifications).set({ nextAttemptAt: sql`now()` });
    await job.runBatch(worker);
    [row] = await handle.db.select().from(notifications);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'sms-42' });
    expect(requests).toHaveLength(2);
    expect(requests[1].body.body).toBe('Omnishop heeft je bericht beantwoord: http://localhost:3000/account/messages/1');
  });

  it('a provider that always fails: dead after N attempts, and visible in the admin outbox', async () => {
    answer = () => ({ status: 503, body: 'maintenance' });
    const job = createDeliveryJob({ transports: { email: devOutboxTransport(), sms: transport() }, rules: { maxAttempts: 3 } });
    await enqueueNotification(handle.db, {
      causeKey: 'thread:9:message:2',
      channel: 'sms',
      recipient: '+32470123456',
      templateKey: 'conversation_reply',
      locale: 'en',
      payload: { customerName: 'Bram', excerpt: 'We have your size.', link: '/account/messages/9' },
    });
    for (let i = 0; i < 5; i++) {
      await job.runBatch({ db: handle.db, workerId: 'w' });
      await handle.db.update(notifications).set({ nextAttemptAt: sql`now()` });
    }
    expect(requests).toHaveLength(3);

    const { rows, total } = await listOutbox(handle.db, admin, { status: 'dead', channel: 'sms', page: 1 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      channel: 'sms',
      recipient: '+32470123456',
      subject: 'You have a reply from the shop',
      status: 'dead',
      attempts: 3,
      lastError: 'SMS provider answered 503: maintenance',
      devOutbox: false,
    });
    const detail = await getOutboxMessage(handle.db, admin, rows[0].id);
    expect(detail?.bodyText).toBe('Omnishop replied to your message: http://localhost:3000/account/messages/9');
  });
});
