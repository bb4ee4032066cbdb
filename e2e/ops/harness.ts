/**
 * Helpers for the operations tests (e2e/ops): a database of their own, `next start` instances they can
 * stop or kill, and a shopper that talks plain HTTP to the server actions of the production build.
 * They run on the build that `npm run build` made (NEXT_DIST_DIR, default .next), like the e2e suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { openDatabase, rowsOf, type DbHandle } from '../../db/client';
import { withAdminConnection } from '../../db/testing';

const ROOT = path.resolve(__dirname, '..', '..');
export const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
export const AUTH_SECRET = 'ops-only-secret-not-for-production-9876543210';
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A migrated, seeded database of one test: a new database on DATABASE_URL's server, or a new PGlite dir. */
export class OpsDatabase {
  readonly kind: 'postgres' | 'pglite';
  readonly env: NodeJS.ProcessEnv;
  private constructor(
    readonly name: string,
    private readonly baseUrl: string | undefined,
  ) {
    this.kind = baseUrl ? 'postgres' : 'pglite';
    this.env = { ...process.env, NODE_ENV: 'production', AUTH_SECRET, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'info' };
    if (baseUrl) {
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      this.env.DATABASE_URL = url.toString();
    } else {
      delete this.env.DATABASE_URL;
      this.env.OMNISHOP_DATA_DIR = path.join(ROOT, '.data', 'ops', name);
    }
  }

  static async create(label: string): Promise<OpsDatabase> {
    const db = new OpsDatabase(`omnishop_ops_${label}_${process.pid}`, process.env.DATABASE_URL || undefined);
    await db.wipe();
    await runCli(['seed'], db.env);
    return db;
  }

  get url(): string | undefined {
    return this.env.DATABASE_URL;
  }

  get dataDir(): string | undefined {
    return this.env.OMNISHOP_DATA_DIR;
  }

  /** Drops everything: an empty database (PostgreSQL) or no data dir at all (PGlite). */
  async wipe(): Promise<void> {
    if (this.baseUrl) {
      await withAdminConnection(this.baseUrl, async (sql) => {
        await sql.unsafe(`drop database if exists "${this.name}" with (force)`);
        await sql.unsafe(`create database "${this.name}"`);
      });
    } else {
      fs.rmSync(this.dataDir!, { recursive: true, force: true });
      fs.rmSync(`${this.dataDir}.lock`, { force: true });
    }
  }

  /** Opens the database in the test process (PGlite: only while no instance holds it). */
  async with<T>(fn: (handle: DbHandle, query: <R>(text: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
    const handle = openDatabase({ url: this.url, dataDir: this.dataDir });
    const query = async <R>(text: string, params: unknown[] = []) => {
      const { sql } = await import('drizzle-orm');
      const chunks = text.split(/\$\d+/);
      const statement = sql.join(chunks.map((chunk, i) => (i < params.length ? sql`${sql.raw(chunk)}${params[i]}` : sql.raw(chunk))), sql.raw(''));
      return rowsOf<R>(await handle.db.execute(statement));
    };
    try {
      return await fn(handle, query);
    } finally {
      await handle.close();
    }
  }

  async drop(): Promise<void> {
    if (this.baseUrl) {
      await withAdminConnection(this.baseUrl, (sql) => sql.unsafe(`drop database if exists "${this.name}" with (force)`));
    } else {
      fs.rmSync(this.dataDir!, { recursive: true, force: true });
      for (const entry of fs.readdirSync(path.dirname(this.dataDir!))) {
        if (entry.startsWith(`${this.name}.`)) fs.rmSync(path.join(path.dirname(this.dataDir!), entry), { recursive: true, force: true });
      }
    }
  }
}

/** `tsx db/cli.ts …` (or an npm script) with the test database's environment; resolves with its output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, npmScript?: string): Promise<string> {
  const [command, argv] = npmScript ? ['npm', ['run', '-s', npmScript, '--', ...args]] : [bin('tsx'), ['db/cli.ts', ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${argv.join(' ')} failed (${code}):\n${output}`))));
  });
}

function tryPort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const { port: taken } = server.address() as net.AddressInfo;
      server.close(() => resolve(taken));
    });
  });
}

/** A free port: the first one of OPS_PORT_RANGE ("3310-3399") when set, else one the system picks. */
async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.OPS_PORT_RANGE ?? '');
  if (!range) return (await tryPort(0))!;
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (!usedPorts.has(port) && (await tryPort(port))) {
      usedPorts.add(port);
      return port;
    }
  }
  throw new Error(`No free port in OPS_PORT_RANGE=${process.env.OPS_PORT_RANGE}`);
}
// Ports handed out in this worker: an instance that just exited may still hold its port for a moment.
const usedPorts = new Set<number>();

// Whatever a test leaves running (a failed assertion before its cleanup) dies with the worker.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** One `next start` process on the test database. */
export class Instance {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly process: ChildProcess,
    readonly baseUrl: string,
  ) {
    const collect = (chunk: Buffer) => this.output.push(...String(chunk).split('\n').filter(Boolean));
    process.stdout!.on('data', collect);
    process.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => process.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(db: OpsDatabase, env: Record<string, string> = {}): Promise<Instance> {
    const port = await freePort();
    const child = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...db.env, NEXT_DIST_DIR: DIST_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance = new Instance(child, `http://127.0.0.1:${port}`);
    running.add(child);
    child.once('exit', () => running.delete(child));
    let gone = false;
    void instance.exited.then(() => (gone = true));
    await waitFor(
      `${instance.baseUrl} to be ready`,
      async () => {
        if (gone) throw new Error(`next start exited before it was ready:\n${instance.output.join('\n')}`);
        const response = await fetch(`${instance.baseUrl}/api/health/ready`).catch(() => null);
        return response?.status === 200 ? true : undefined;
      },
      90_000,
    );
    return instance;
  }

  /** The JSON lines the app logged (Next's own banner lines are not JSON). */
  logRecords(): Record<string, unknown>[] {
    return this.output.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    return this.exited;
  }
}

/** The id of a server action of this build, from the build's manifest. */
function actionId(exportedName: string, filename: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename === filename);
  if (!found) throw new Error(`No server action ${exportedName} (${filename}) in ${DIST_DIR}: build first`);
  return found[0];
}

export interface ActionResponse {
  status: number;
  redirect: string | null;
  body: string;
}

/**
 * One shopper with a cookie jar, calling server actions over HTTP the way the browser does
 * (POST to the page with a Next-Action header and the arguments as JSON).
 */
export class Shopper {
  readonly cookies = new Map<string, string>();
  readonly address: string;
  constructor(readonly index: number) {
    // Its own client address, so per-address rate limits see fifty shoppers, not one.
    this.address = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  }

  async callAction(baseUrl: string, page: string, action: [string, string], input: unknown): Promise<ActionResponse> {
    const response = await fetch(`${baseUrl}${page}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'next-action': actionId(...action),
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: baseUrl,
        'x-forwarded-for': this.address,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: JSON.stringify([input]),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return { status: response.status, redirect: response.headers.get('x-action-redirect'), body: await response.text() };
  }

  async get(baseUrl: string, page: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${baseUrl}${page}`, {
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': this.address },
    });
    return { status: response.status, body: await response.text() };
  }

  addToCart(baseUrl: string, variantId: number, quantity = 1) {
    return this.callAction(baseUrl, '/cart', ['addToCartAction', 'lib/carts/actions.ts'], { variantId, quantity });
  }

  /** The checkout details of this shopper: personal data that must never show up in a log. */
  get details() {
    return {
      email: `ops.shopper${this.index}@example.com`,
      name: `Opsshopper Nummer${this.index}`,
      street: `Loglaan ${100 + this.index}`,
      postcode: '3511 AB',
      city: 'Utrecht',
      phone: `+31 6 5555 ${String(1000 + this.index)}`,
    };
  }

  readonly idempotencyKey = randomUUID();

  checkout(baseUrl: string) {
    return this.callAction(baseUrl, '/checkout', ['placeWebOrderAction', 'lib/orders/checkout-actions.ts'], {
      idempotencyKey: this.idempotencyKey,
      fulfilment: 'delivery',
      ...this.details,
    });
  }

  signIn(baseUrl: string, email: string, password: string) {
    return this.callAction(baseUrl, '/sign-in', ['signInAction', 'lib/identity/actions.ts'], { email, password });
  }
}

/** A checkout that reached the server and placed (or found) its order: the action redirected to pay. */
export const placed = (response: ActionResponse) => response.status === 200 && !!response.redirect;

/** Gives a variant plenty of stock everywhere, so every checkout of the test can succeed. */
export async function stockUp(db: OpsDatabase, onHand = 1000): Promise<{ variantId: number; slug: string; lastMovementId: number }> {
  return db.with(async (_handle, query) => {
    const [variant] = await query<{ id: number; slug: string }>(
      `select v.id, p.slug from variants v join products p on p.id = v.product_id where p.active and v.active order by v.id limit 1`,
    );
    await query(`update stock_levels set on_hand = $1, reserved = 0 where variant_id = $2`, [onHand, variant!.id]);
    const [last] = await query<{ id: number }>(`select coalesce(max(id), 0)::int as id from stock_movements`);
    return { variantId: variant!.id, slug: variant!.slug, lastMovementId: last!.id };
  });
}

export interface Ledger {
  orders: { key: string; number: string; lines: number; quantity: number; placedEvents: number }[];
  /** Movements since the test began whose reference is no order of the database. */
  orphanMovements: number;
  /** Sum of the variant's reservation movements since the test began. */
  reservedDelta: number;
  /** The variant's reserved stock now (the test began at 0). */
  reserved: number;
}

/** What the database holds for the shoppers' idempotency keys, and the variant's stock ledger. */
export async function ledger(db: OpsDatabase, stock: { variantId: number; lastMovementId: number }, keys: string[]): Promise<Ledger> {
  return db.with(async (_handle, query) => {
    const orders = await query<Ledger['orders'][number]>(
      `select o.idempotency_key as key, o.number,
              (select count(*)::int from order_lines l where l.order_id = o.id) as lines,
              (select coalesce(sum(l.quantity), 0)::int from order_lines l where l.order_id = o.id) as quantity,
              (select count(*)::int from order_events e where e.order_id = o.id and e.type = 'placed') as "placedEvents"
         from orders o where o.idempotency_key in $1`,
      [keys],
    );
    const [movements] = await query<{ orphans: number; reserved_delta: number }>(
      `select count(*) filter (where not exists (select 1 from orders o where o.number = m.reference))::int as orphans,
              coalesce(sum(m.reserved_delta) filter (where m.variant_id = $1), 0)::int as reserved_delta
         from stock_movements m where m.id > $2`,
      [stock.variantId, stock.lastMovementId],
    );
    const [level] = await query<{ reserved: number }>(
      `select coalesce(sum(reserved), 0)::int as reserved from stock_levels where variant_id = $1`,
      [stock.variantId],
    );
    return { orders, orphanMovements: movements!.orphans, reservedDelta: movements!.reserved_delta, reserved: level!.reserved };
  });
}

/** Queues `count` password-reset emails (delivered by the outbox job to the development outbox). */
export async function queueNotifications(db: OpsDatabase, count: number): Promise<string[]> {
  return db.with(async (_handle, query) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [row] = await query<{ id: string }>(
        `insert into notifications (cause_key, channel, recipient, template_key, locale, payload)
         values ($1, 'email', $2, 'password_reset', 'en', $3::jsonb) returning id`,
        [`ops-job-${i}-${randomUUID()}`, `ops.job${i}@example.com`, JSON.stringify({ resetUrl: `/reset/${randomUUID()}`, expiresInMinutes: 30 })],
      );
      ids.push(row!.id);
    }
    return ids;
  });
}

/** The queued notifications by state: `claimed` are rows still leased to a worker. */
export async function outboxState(db: OpsDatabase, ids: string[]) {
  return db.with(async (_handle, query) => {
    const [row] = await query<{ total: number; sent: number; pending: number; claimed: number; attempts: number }>(
      `select count(*)::int as total,
              count(*) filter (where status = 'sent')::int as sent,
              count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'sending' or (locked_by is not null and status <> 'sent'))::int as claimed,
              coalesce(sum(attempts), 0)::int as attempts
         from notifications where id in $1`,
      [ids],
    );
    return row!;
  });
}
