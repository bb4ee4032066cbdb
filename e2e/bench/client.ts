/**
 * The benchmark's HTTP side: a visitor with a cookie jar that calls the production build's server
 * actions the way the browser's router does (POST to the page, `Next-Action` header with the action id
 * from the build's server-reference-manifest.json, the arguments as JSON, `Accept: text/x-component`),
 * and a relay for the test provider's webhook that tells a waiting shopper when their payment landed.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export type ActionRef = readonly [filename: string, exportedName: string];

export const ACTIONS = {
  addToCart: ['lib/carts/actions.ts', 'addToCartAction'],
  placeWebOrder: ['lib/orders/checkout-actions.ts', 'placeWebOrderAction'],
  decideTestPayment: ['lib/payments/actions.ts', 'decideTestPaymentAction'],
  signIn: ['lib/identity/actions.ts', 'signInAction'],
  openTill: ['lib/till/actions.ts', 'openTillAction'],
  scanToCounterCart: ['lib/carts/counter-actions.ts', 'scanToCounterCartAction'],
  completeCounterSale: ['lib/orders/counter-actions.ts', 'completeCounterSaleAction'],
} as const satisfies Record<string, ActionRef>;

/** Action ids of one build (they change with every build). */
export function loadActionIds(distDir: string): (ref: ActionRef) => string {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { exportedName?: string; filename?: string }> };
  return ([filename, exportedName]) => {
    const found = Object.entries(manifest.node).find(([, e]) => e.exportedName === exportedName && e.filename === filename);
    if (!found) throw new Error(`No server action ${exportedName} (${filename}) in ${file}`);
    return found[0];
  };
}

export interface Answer {
  status: number;
  /** x-action-redirect without its ";push"/";replace" suffix, or null. */
  redirect: string | null;
  body: string;
  ms: number;
}

/** A refused or failed request: counted as an error of the workload, with what came back. */
export class BenchError extends Error {
  constructor(step: string, answer: Partial<Answer>) {
    super(`${step}: HTTP ${answer.status ?? '?'}${answer.redirect ? ` → ${answer.redirect}` : ''} ${(answer.body ?? '').slice(0, 300)}`);
  }
}

export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    private readonly actionId: (ref: ActionRef) => string,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** A server action call as the client router sends it; the body is read to the end (the render is part of the cost). */
  async action(page: string, ref: ActionRef, input: unknown): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${page}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'next-action': this.actionId(ref),
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: this.baseUrl,
        cookie: this.cookieHeader(),
      },
      body: JSON.stringify([input]),
    });
    this.keepCookies(response);
    const body = await response.text();
    const redirect = response.headers.get('x-action-redirect')?.split(';')[0] ?? null;
    return { status: response.status, redirect, body, ms: performance.now() - started };
  }

  /** A page: `rsc` as a client-side navigation fetches it (the flight data), otherwise the HTML document. */
  async get(pathname: string, options: { rsc?: boolean } = {}): Promise<Answer> {
    const started = performance.now();
    // An RSC request carries the `_rsc` cache-busting hash of its router headers (Next answers 307 to
    // one without it); with no state-tree or prefetch header that hash is empty (next/dist/shared/lib/
    // router/utils/cache-busting-search-param.js), i.e. the full tree is rendered.
    const url = options.rsc ? `${pathname}${pathname.includes('?') ? '&' : '?'}_rsc=` : pathname;
    const response = await fetch(`${this.baseUrl}${url}`, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...(options.rsc ? { rsc: '1' } : {}) },
    });
    this.keepCookies(response);
    const body = await response.text();
    return { status: response.status, redirect: response.headers.get('location'), body, ms: performance.now() - started };
  }
}

/** An ActionState answer that says ok (the flight data carries the action's return value). */
export function expectOk(step: string, answer: Answer): Answer {
  if (answer.status !== 200 || !/"ok":true/.test(answer.body) || /"ok":false/.test(answer.body)) throw new BenchError(step, answer);
  return answer;
}

/** An action that redirected to a path matching `to`; returns the match. */
export function expectRedirect(step: string, answer: Answer, to: RegExp): RegExpExecArray {
  const match = answer.status === 200 && answer.redirect ? to.exec(answer.redirect) : null;
  if (!match) throw new BenchError(step, answer);
  return match;
}

/**
 * Stands between the test provider and the shop (OMNIPAY_WEBHOOK_URL points here): forwards each
 * webhook to the app unchanged and, once the app answered 2xx, resolves whoever waits for that
 * payment. The shopper's "webhook" step is the time from the pay answer to that moment — what the
 * order page's auto-refresh would otherwise discover by polling.
 */
export class WebhookRelay {
  private server: http.Server | null = null;
  private readonly settled = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();
  failures = 0;
  port = 0;

  async start(appUrl: () => string): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        try {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('omnipay-') && typeof v === 'string') headers[k] = v;
          const answer = await fetch(`${appUrl()}/api/payments/webhook`, { method: 'POST', headers, body: rawBody });
          const text = await answer.text();
          if (answer.ok) this.markSettled((JSON.parse(rawBody) as { data: { paymentId: string } }).data.paymentId);
          else this.failures++;
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
        } catch (error) {
          this.failures++;
          res.writeHead(502).end(String(error));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/api/payments/webhook`;
  }

  private markSettled(paymentId: string) {
    const at = performance.now();
    const waiter = this.waiting.get(paymentId);
    if (waiter) {
      this.waiting.delete(paymentId);
      waiter(at);
    } else this.settled.set(paymentId, at);
  }

  /** performance.now() of the moment the app accepted the payment's webhook; rejects after `timeoutMs`. */
  settledAt(paymentId: string, timeoutMs = 30_000): Promise<number> {
    const at = this.settled.get(paymentId);
    if (at !== undefined) {
      this.settled.delete(paymentId);
      return Promise.resolve(at);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(paymentId);
        reject(new Error(`webhook of ${paymentId} not accepted within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(paymentId, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  async stop() {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
  }
}
