/**
 * What the benchmark runs on: a fresh database of its own (a `bench` database next to DATABASE_URL's,
 * or a fresh PGlite dir), seeded and given the bench's own staff and stock; one `next start` of the
 * production build; and the readings taken around a workload (the Next process's CPU from /proc, the
 * database's committed transactions from pg_stat_database, the shop's order and stock counts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, rowsOf, type DbHandle } from '../../db/client';
import { withAdminConnection } from '../../db/testing';
import { runCli, waitFor } from '../ops/harness';

const ROOT = path.resolve(__dirname, '..', '..');
export const AUTH_SECRET = 'bench-only-secret-not-for-production-5647382910';
export const CLERK_COUNT = 10;
export const BENCH_VARIANTS = 10;

/** The bench's database: `name` on DATABASE_URL's server, or `.data/<name>` (PGlite). */
export class BenchDatabase {
  readonly kind: 'postgres' | 'pglite';
  readonly env: NodeJS.ProcessEnv;
  constructor(
    readonly name: string,
    private readonly serverUrl: string | undefined,
  ) {
    this.kind = serverUrl ? 'postgres' : 'pglite';
    this.env = { ...process.env, NODE_ENV: 'production', AUTH_SECRET, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' };
    if (serverUrl) this.env.DATABASE_URL = urlWithDatabase(serverUrl, name);
    else {
      delete this.env.DATABASE_URL;
      this.env.OMNISHOP_DATA_DIR = path.join(ROOT, '.data', name);
    }
  }

  /** Drops what a previous run left, then migrates and seeds the demo data. */
  async create(): Promise<void> {
    if (this.serverUrl) {
      await withAdminConnection(urlWithDatabase(this.serverUrl, 'postgres'), async (admin) => {
        await admin.unsafe(`drop database if exists "${this.name}" with (force)`);
        await admin.unsafe(`create database "${this.name}"`);
      });
    } else {
      fs.rmSync(this.env.OMNISHOP_DATA_DIR!, { recursive: true, force: true });
      fs.rmSync(`${this.env.OMNISHOP_DATA_DIR}.lock`, { force: true });
    }
    await runCli(['seed'], this.env);
  }

  /** Opens the database in this process (PGlite: only while no server holds it). */
  async with<T>(fn: (query: <R>(text: string) => Promise<R[]>, handle: DbHandle) => Promise<T>): Promise<T> {
    const handle = openDatabase({ url: this.env.DATABASE_URL, dataDir: this.env.OMNISHOP_DATA_DIR });
    try {
      return await fn(async <R>(text: string) => rowsOf<R>(await handle.db.execute(sql.raw(text))), handle);
    } finally {
      await handle.close();
    }
  }

  /** Committed transactions of the bench database so far (PostgreSQL only), read from another database. */
  async xactCommit(): Promise<number | null> {
    if (!this.serverUrl) return null;
    return withAdminConnection(urlWithDatabase(this.serverUrl, 'postgres'), async (admin) => {
      const [row] = await admin`select xact_commit::bigint as n from pg_stat_database where datname = ${this.name}`;
      return Number(row!.n);
    });
  }

  async drop(): Promise<void> {
    if (this.serverUrl) {
      await withAdminConnection(urlWithDatabase(this.serverUrl, 'postgres'), (admin) => admin.unsafe(`drop database if exists "${this.name}" with (force)`));
    } else fs.rmSync(this.env.OMNISHOP_DATA_DIR!, { recursive: true, force: true });
  }
}

export function urlWithDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface BenchCatalog {
  variants: { id: number; slug: string; ean: string }[];
  store: { id: number; name: string };
  clerks: string[];
}

/**
 * The bench's own staff and stock: CLERK_COUNT clerks at the first store (the demo clerks' password),
 * and plenty of stock of BENCH_VARIANTS variants at every location, so no sale can run out.
 */
export async function prepareCatalog(db: BenchDatabase): Promise<BenchCatalog> {
  return db.with(async (query) => {
    const variants = await query<{ id: number; slug: string; ean: string }>(
      `select v.id, p.slug, v.ean from variants v join products p on p.id = v.product_id
        where p.active and v.active order by v.id limit ${BENCH_VARIANTS}`,
    );
    if (variants.length < BENCH_VARIANTS) throw new Error(`The seed has only ${variants.length} active variants`);
    const ids = variants.map((v) => v.id).join(',');
    await query(
      `insert into stock_levels (variant_id, location_id, on_hand, reserved)
       select v.id, l.id, 100000, 0 from variants v cross join locations l where v.id in (${ids})
       on conflict (variant_id, location_id) do update set on_hand = 100000, reserved = 0`,
    );
    const [store] = await query<{ id: number; name: string }>(`select id, name from locations where kind = 'store' order by id limit 1`);
    const clerks = Array.from({ length: CLERK_COUNT }, (_, i) => `bench.clerk${i + 1}@omnishop.test`);
    await query(
      `insert into users (email, name, password_hash, role, location_id, locale)
       select 'bench.clerk' || i || '@omnishop.test', 'Bench Clerk ' || i, u.password_hash, 'clerk', ${store!.id}, 'en'
         from generate_series(1, ${CLERK_COUNT}) i, (select password_hash from users where role = 'clerk' order by id limit 1) u`,
    );
    return { variants, store: store!, clerks };
  });
}

export interface Ledger {
  orders: number;
  paidOrders: number;
  /** Units that left the stock or are reserved for an order: Σ(reserved) − Σ(on_hand) over the bench variants. */
  unitsTaken: number;
}

/** The shop's order and stock counts for the bench's keys and variants (before and after a run). */
export async function readLedger(db: BenchDatabase, catalog: BenchCatalog, keyPrefix: string): Promise<Ledger> {
  return db.with(async (query) => {
    const ids = catalog.variants.map((v) => v.id).join(',');
    const [orders] = await query<{ orders: number; paid: number }>(
      `select count(*)::int as orders,
              count(*) filter (where exists (select 1 from payments p where p.order_id = o.id and p.status = 'succeeded'))::int as paid
         from orders o where o.idempotency_key like '${keyPrefix}%'`,
    );
    const [stock] = await query<{ taken: number }>(
      `select (coalesce(sum(reserved), 0) - coalesce(sum(on_hand), 0))::int as taken from stock_levels where variant_id in (${ids})`,
    );
    return { orders: orders!.orders, paidOrders: orders!.paid, unitsTaken: stock!.taken };
  });
}

/** One `next start` of the build in `distDir`. */
export class Server {
  private output: string[] = [];
  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(...String(chunk).split('\n').filter(Boolean));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  static async start(db: BenchDatabase, options: { distDir: string; port: number; env: Record<string, string> }): Promise<Server> {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(options.port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...db.env, NEXT_DIST_DIR: options.distDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new Server(child, `http://127.0.0.1:${options.port}`);
    await waitFor(
      `${server.baseUrl} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`next start exited before it was ready:\n${server.logTail()}`);
        const response = await fetch(`${server.baseUrl}/api/health/ready`).catch(() => null);
        return response?.status === 200 ? true : undefined;
      },
      120_000,
    );
    return server;
  }

  logTail(lines = 40) {
    return this.output.slice(-lines).join('\n');
  }

  /** CPU time (user + system, ms) of the server process and its children so far, from /proc/<pid>/stat. */
  cpuMs(): number {
    return processTree(this.child.pid!).reduce((sum, pid) => sum + processCpuMs(pid), 0);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3 (state).
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS : 0;
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const all: number[] = [];
  const visit = (pid: number) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return all;
}

/** pgbench TPC-B on a database of its own on `serverUrl`; initialised once per bench run. */
export class Pgbench {
  readonly url: string;
  constructor(
    serverUrl: string,
    readonly scale: number,
    readonly name = 'bench_pgbench',
  ) {
    this.url = urlWithDatabase(serverUrl, name);
  }

  static available(): boolean {
    return fs.existsSync('/usr/bin/pgbench');
  }

  async init(): Promise<number> {
    const admin = postgres(urlWithDatabase(this.url, 'postgres'), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${this.name}" with (force)`);
      await admin.unsafe(`create database "${this.name}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    const started = Date.now();
    await run('/usr/bin/pgbench', ['-i', '-q', '-s', String(this.scale), this.url]);
    return Date.now() - started;
  }

  /** Runs TPC-B and returns its tps (without the initial connection time). */
  async run(clients: number, seconds: number): Promise<number> {
    const output = await run('/usr/bin/pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), this.url]);
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
    if (!match) throw new Error(`pgbench printed no tps:\n${output}`);
    const failed = /number of failed transactions: (\d+)/.exec(output);
    if (failed && Number(failed[1]) > 0) throw new Error(`pgbench had ${failed[1]} failed transactions`);
    return Number(match[1]);
  }

  async drop() {
    await withAdminConnection(urlWithDatabase(this.url, 'postgres'), (admin) => admin.unsafe(`drop database if exists "${this.name}" with (force)`));
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/** Is a PostgreSQL server answering at `url`? (For pgbench beside a PGlite run.) */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
