/**
 * `npm run bench:trace` — the statements behind one web checkout flow and one counter sale, step by step:
 * it starts the production build on a fresh PostgreSQL database of its own with `log_statement = all`
 * for that database only, runs each step once on a warm server (after a few untraced flows), and reads
 * the server log back: per step the statements and transactions, and which statements repeat.
 * PostgreSQL only (DATABASE_URL), and the server log must be readable (PG_LOG, default Debian's).
 * A tool for finding the next cost, not a measurement: `npm run bench` measures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withAdminConnection } from '../../db/testing';
import { ACTIONS, expectOk, expectRedirect, loadActionIds, Visitor, WebhookRelay } from './client';
import { BenchDatabase, prepareCatalog, Server, urlWithDatabase } from './setup';
import { checkoutFlow, counterSale, keyMaker } from './workloads';

const ROOT = path.resolve(__dirname, '..', '..');
const NAME = 'bench_trace';

function defaultLog(): string {
  const dir = '/var/log/postgresql';
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.log')) : [];
  return path.join(dir, files.sort().at(-1) ?? 'postgresql.log');
}

/** The statements the bench database's backends logged after `offset` bytes of the log, one per entry. */
function statementsSince(logFile: string, offset: number): { pid: string; text: string }[] {
  const fd = fs.openSync(logFile, 'r');
  const size = fs.fstatSync(fd).size;
  const buffer = Buffer.alloc(size - offset);
  fs.readSync(fd, buffer, 0, buffer.length, offset);
  fs.closeSync(fd);
  const out: { pid: string; text: string }[] = [];
  let current: { pid: string; text: string } | null = null;
  for (const line of buffer.toString('utf8').split('\n')) {
    const head = /^\S+ \S+ \S+ \[(\d+)\] \S*@(\S+) (\w+):\s+(.*)$/.exec(line);
    if (head) {
      current = null;
      const [, pid, db, level, rest] = head;
      if (db !== NAME || level !== 'LOG') continue;
      const statement = /^(?:statement|execute [^:]*):\s*(.*)$/.exec(rest!);
      if (!statement) continue;
      current = { pid: pid!, text: statement[1]! };
      out.push(current);
    } else if (current && /^\t/.test(line)) current.text += ` ${line.trim()}`;
    else current = null;
  }
  return out;
}

/** BEGIN … COMMIT counts as one transaction; a statement outside one as one of its own. */
function transactions(statements: { pid: string; text: string }[]): number {
  const open = new Set<string>();
  let n = 0;
  for (const s of statements) {
    const verb = s.text.trim().split(/\s+/)[0]!.toLowerCase();
    if (verb === 'begin' || verb === 'start') {
      open.add(s.pid);
      n++;
    } else if (verb === 'commit' || verb === 'rollback') open.delete(s.pid);
    else if (!open.has(s.pid)) n++;
  }
  return n;
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench:trace needs DATABASE_URL (PostgreSQL).');
  const logFile = process.env.PG_LOG ?? defaultLog();
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const actionId = loadActionIds(path.join(ROOT, distDir));
  const db = new BenchDatabase(NAME, serverUrl);
  await db.create();
  const catalog = await prepareCatalog(db);
  await withAdminConnection(urlWithDatabase(serverUrl, 'postgres'), (admin) => admin.unsafe(`alter database "${NAME}" set log_statement = 'all'`));
  const relay = new WebhookRelay();
  let server: Server | null = null;
  await relay.start(() => server!.baseUrl);
  server = await Server.start(db, { distDir, port: Number(process.env.BENCH_PORT ?? 3195), env: { OMNIPAY_WEBHOOK_URL: relay.url } });
  const newKey = keyMaker('7ace0000');
  try {
    const shopper = new Visitor(server.baseUrl, actionId);
    const clerk = new Visitor(server.baseUrl, actionId);
    expectRedirect('clerk sign-in', await clerk.action('/sign-in', ACTIONS.signIn, { email: catalog.clerks[0], password: 'omnishop' }), /^\/counter/);
    expectOk('open till', await clerk.action('/counter/till', ACTIONS.openTill, { tillName: 'Trace till', openingFloat: '100' }));
    const flow = checkoutFlow({ shoppers: [shopper], variants: catalog.variants, relay, newKey, placed: { count: 0 } });
    const sale = counterSale({ clerks: [clerk], variants: catalog.variants, newKey, sold: { count: 0 } });
    for (let i = 0; i < 3; i++) await flow(0).then(() => sale(0)); // warm: every code path once
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Each step on its own, with the log read between them (the jobs' polling shows up as "background").
    const steps: { name: string; run: () => Promise<unknown> }[] = [];
    const traced = (name: string, run: () => Promise<unknown>) => steps.push({ name, run });
    let reference = '';
    traced('add to cart', async () => expectOk('add', await shopper.action(`/products/${catalog.variants[0]!.slug}`, ACTIONS.addToCart, { variantId: catalog.variants[0]!.id, quantity: 1 })));
    traced('checkout page (RSC)', () => shopper.get('/checkout', { rsc: true }));
    traced('place order', async () => {
      const place = await shopper.action('/checkout', ACTIONS.placeWebOrder, { idempotencyKey: newKey(), fulfilment: 'delivery', email: 'trace@example.com', name: 'Trace Shopper', phone: '+31 6 12345678', street: 'Tracestraat 1', postcode: '3511 AB', city: 'Utrecht' });
      reference = expectRedirect('place order', place, /^\/pay\/(tp_[\w-]+)$/)[1]!;
    });
    traced('pay', async () => expectRedirect('pay', await shopper.action(`/pay/${reference}`, ACTIONS.decideTestPayment, { paymentId: reference, outcome: 'succeeded' }), /^\/orders\//));
    traced('webhook', () => relay.settledAt(reference));
    traced('counter scan', () => clerk.action('/counter', ACTIONS.scanToCounterCart, { code: catalog.variants[1]!.ean }));
    traced('counter checkout page (RSC)', () => clerk.get('/counter/checkout', { rsc: true }));
    traced('counter pay', async () => {
      const page = await clerk.get('/counter/checkout', { rsc: true });
      const total = Number(/"totalCents":(\d+),"idempotencyKey"/.exec(page.body)![1]);
      const offset = fs.statSync(logFile).size;
      await clerk.action('/counter/checkout', ACTIONS.completeCounterSale, { idempotencyKey: newKey(), expectedTotalCents: total, method: 'card_terminal' });
      return { tracedFrom: offset };
    });

    const report: string[] = [];
    let flowTotal = 0;
    for (const step of steps) {
      let offset = fs.statSync(logFile).size;
      const started = await step.run();
      if (started && typeof started === 'object' && 'tracedFrom' in started) offset = started.tracedFrom as number; // the counter pay traces its action only
      await new Promise((resolve) => setTimeout(resolve, 300)); // after() work and the log writer
      const statements = statementsSince(logFile, offset);
      const xacts = transactions(statements);
      if (!step.name.startsWith('counter')) flowTotal += xacts;
      report.push(`\n## ${step.name}: ${statements.length} statements, ${xacts} transactions`);
      for (const s of statements) report.push(`  [${s.pid}] ${s.text.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
    report.unshift(`# bench:trace — web checkout flow: ${flowTotal} transactions (incl. background jobs during the steps)`);
    const out = path.join(ROOT, 'test-results', 'bench', 'trace.txt');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${report.join('\n')}\n`);
    console.log(`${report[0]}\n${report.filter((l) => l.startsWith('\n## ')).join('')}\n\nWritten to ${path.relative(ROOT, out)}`);
  } finally {
    await server.stop();
    await relay.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
