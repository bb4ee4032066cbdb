/**
 * Two app instances on one PostgreSQL database behind nginx (round robin, no stickiness), for the
 * "N instances behave as one" e2e project:
 *
 *   tsx e2e/cluster/serve-cluster.ts <port>    nginx on <port>, instances on <port>+1 and <port>+2
 *
 * A fresh database of its own (dropped on exit), migrated and seeded once, then both `next start` on the
 * same build; nginx starts once both answer /api/health, so a request can never meet a booting instance.
 * nginx adds `X-Upstream` (which instance answered) to every response — for the tests only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { seed } from '../../db/seed';
import { withAdminConnection } from '../../db/testing';
import { clusterDatabaseName } from './cluster';

function nginxConfig(port: number, upstreams: number[], dir: string): string {
  // As root (CI), nginx's workers would otherwise switch to `nobody` and lose access to these temp dirs.
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream omnishop { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://omnishop;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # The live stream (SSE) must not be buffered or cut off.
      proxy_buffering off;
      proxy_read_timeout 1h;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`instance on port ${port} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const port = Number(process.argv[2] ?? 3200);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('The two-instance cluster needs DATABASE_URL (PostgreSQL): PGlite belongs to one process.');
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx): the cluster test runs behind it.');

  const name = clusterDatabaseName(port);
  await withAdminConnection(adminUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  await handle.migrate();
  await seed(handle.db);
  await handle.close();

  const children: ChildProcess[] = [];
  const instancePorts = [port + 1, port + 2];
  for (const p of instancePorts) {
    children.push(
      spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(p)], {
        env: { ...process.env, DATABASE_URL: url.toString(), TRUSTED_PROXY_HOPS: '1' },
        stdio: 'inherit',
      }),
    );
  }
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))));
    await withAdminConnection(adminUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)).catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) child.on('exit', (code) => void stop(code ?? 1));

  await Promise.all(instancePorts.map((p) => waitForHealth(p, 180_000)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-nginx-'));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(port, instancePorts, dir));
  children.push(spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' }));
  children.at(-1)!.on('exit', (code) => void stop(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
