// A local imitation of the parts of Mollie's REST API (v2) that the adapter uses — create/get a
// payment, create/list its refunds — over HTTPS with a throwaway self-signed certificate, for tests
// only (never imported by app code). The official client only speaks HTTPS, so the test process sets
// NODE_TLS_REJECT_UNAUTHORIZED=0 for this loopback server (see STACK-NOTES on @mollie/api-client).
// Shapes follow https://docs.mollie.com/reference/create-payment and /create-refund.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FakePaymentStatus = 'open' | 'pending' | 'paid' | 'failed' | 'canceled' | 'expired';
export type FakeRefundStatus = 'queued' | 'pending' | 'processing' | 'refunded' | 'failed' | 'canceled';

interface FakePayment {
  id: string;
  status: FakePaymentStatus;
  amount: { currency: string; value: string };
  description: string;
  method: string | null;
  redirectUrl: string;
  webhookUrl: string;
  metadata: unknown;
  refunds: FakeRefund[];
}

interface FakeRefund {
  id: string;
  paymentId: string;
  status: FakeRefundStatus;
  amount: { currency: string; value: string };
  description: string;
  idempotencyKey: string | null;
}

export interface MollieFake {
  /** e.g. https://127.0.0.1:41234/v2/ — pass as apiEndpoint. */
  endpoint: string;
  apiKey: string;
  payments: Map<string, FakePayment>;
  /** Requests received, for assertions ("POST /v2/payments"). */
  requests: string[];
  /** The shopper paid (or failed…) on Mollie's hosted page; `method` as Mollie reports it. */
  setPaymentStatus(id: string, status: FakePaymentStatus, method?: string): void;
  setRefundStatus(id: string, status: FakeRefundStatus): void;
  /** The next request answers this HTTP status with a Mollie error body. */
  failNext(status: number): void;
  /** The body Mollie posts to the webhook URL: `id=tr_…`. */
  webhookBody(id: string): string;
  close(): Promise<void>;
}

const cents = (value: string) => Math.round(Number(value) * 100);
const euros = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mollie-fake-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startMollieFake(apiKey = `test_${randomBytes(15).toString('hex')}`): Promise<MollieFake> {
  const payments = new Map<string, FakePayment>();
  const requests: string[] = [];
  const idempotent = new Map<string, string>();
  let failWith: number | null = null;
  let base = '';

  const paymentJson = (p: FakePayment) => {
    const refunded = p.refunds.filter((r) => r.status !== 'failed' && r.status !== 'canceled').reduce((s, r) => s + cents(r.amount.value), 0);
    return {
      resource: 'payment',
      id: p.id,
      mode: 'test',
      createdAt: new Date().toISOString(),
      status: p.status,
      amount: p.amount,
      description: p.description,
      method: p.method,
      metadata: p.metadata,
      redirectUrl: p.redirectUrl,
      webhookUrl: p.webhookUrl,
      profileId: 'pfl_fake',
      sequenceType: 'oneoff',
      ...(p.status === 'paid'
        ? { paidAt: new Date().toISOString(), amountRefunded: { currency: 'EUR', value: euros(refunded) }, amountRemaining: { currency: 'EUR', value: euros(cents(p.amount.value) - refunded) } }
        : {}),
      _links: {
        self: { href: `${base}payments/${p.id}`, type: 'application/hal+json' },
        ...(p.status === 'open' ? { checkout: { href: `https://www.mollie.com/checkout/select-method/${p.id}`, type: 'text/html' } } : {}),
      },
    };
  };
  const refundJson = (r: FakeRefund) => ({
    resource: 'refund',
    id: r.id,
    paymentId: r.paymentId,
    status: r.status,
    amount: r.amount,
    description: r.description,
    createdAt: new Date().toISOString(),
    _links: { self: { href: `${base}payments/${r.paymentId}/refunds/${r.id}`, type: 'application/hal+json' } },
  });
  const error = (status: number, detail: string) => ({ status, title: status === 404 ? 'Not Found' : 'Unprocessable Entity', detail, _links: {} });

  const { key, cert } = selfSignedCertificate();
  const server: Server = createServer({ key, cert }, (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/hal+json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { ...error(401, 'Missing authentication, or failed to authenticate'), title: 'Unauthorized Request' });
      if (failWith !== null) {
        const status = failWith;
        failWith = null;
        return send(status, error(status, 'Injected failure'));
      }
      const data = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const parts = url.pathname.replace(/^\/v2\//, '').split('/').filter(Boolean);
      const key = req.headers['idempotency-key'];
      const replay = typeof key === 'string' ? idempotent.get(`${req.method} ${url.pathname} ${key}`) : undefined;
      if (replay) return send(201, JSON.parse(replay));
      const remember = (json: unknown) => {
        if (typeof key === 'string') idempotent.set(`${req.method} ${url.pathname} ${key}`, JSON.stringify(json));
        return send(201, json);
      };

      if (req.method === 'POST' && parts.length === 1 && parts[0] === 'payments') {
        const amount = data.amount as { currency: string; value: string };
        if (!amount || !/^\d+\.\d{2}$/.test(amount.value)) return send(422, error(422, 'The amount is invalid'));
        const p: FakePayment = {
          id: `tr_${randomBytes(5).toString('hex')}`,
          status: 'open',
          amount,
          description: String(data.description ?? ''),
          method: (data.method as string | undefined) ?? null,
          redirectUrl: String(data.redirectUrl ?? ''),
          webhookUrl: String(data.webhookUrl ?? ''),
          metadata: data.metadata ?? null,
          refunds: [],
        };
        payments.set(p.id, p);
        return remember(paymentJson(p));
      }
      const p = parts[0] === 'payments' && parts[1] ? payments.get(parts[1]) : undefined;
      if (!p) return send(404, error(404, 'No payment exists with token'));
      if (req.method === 'GET' && parts.length === 2) return send(200, paymentJson(p));
      if (parts[2] === 'refunds' && req.method === 'POST' && parts.length === 3) {
        if (p.status !== 'paid') return send(422, error(422, 'The payment cannot be refunded'));
        const amount = data.amount as { currency: string; value: string };
        const left = cents(paymentJson(p).amountRemaining?.value ?? '0.00');
        if (!amount || cents(amount.value) <= 0 || cents(amount.value) > left)
          return send(422, error(422, 'The amount is higher than the amount that can be refunded'));
        const r: FakeRefund = { id: `re_${randomBytes(5).toString('hex')}`, paymentId: p.id, status: 'pending', amount, description: String(data.description ?? ''), idempotencyKey: typeof key === 'string' ? key : null };
        p.refunds.push(r);
        return remember(refundJson(r));
      }
      if (parts[2] === 'refunds' && req.method === 'GET' && parts.length === 3) {
        return send(200, { count: p.refunds.length, _embedded: { refunds: p.refunds.map(refundJson) }, _links: { self: { href: `${base}payments/${p.id}/refunds` }, previous: null, next: null } });
      }
      return send(404, error(404, 'Not implemented by the fake'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`;

  return {
    endpoint: base,
    apiKey,
    payments,
    requests,
    setPaymentStatus(id, status, method) {
      const p = payments.get(id);
      if (!p) throw new Error(`fake: no payment ${id}`);
      p.status = status;
      if (method) p.method = method;
    },
    setRefundStatus(id, status) {
      for (const p of payments.values()) for (const r of p.refunds) if (r.id === id) r.status = status;
    },
    failNext(status) {
      failWith = status;
    },
    webhookBody: (id) => new URLSearchParams({ id }).toString(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
