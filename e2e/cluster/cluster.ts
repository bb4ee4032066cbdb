// Where the two-instance cluster of e2e/cluster/serve-cluster.ts listens, for the config and the specs.
export const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 3200);
/** nginx, round robin over both instances. */
export const CLUSTER_URL = `http://127.0.0.1:${CLUSTER_PORT}`;
/** Each instance directly, to put two browsers deliberately on different instances. */
export const INSTANCE_URLS = [CLUSTER_PORT + 1, CLUSTER_PORT + 2].map((p) => `http://127.0.0.1:${p}`);

export function clusterDatabaseName(port = CLUSTER_PORT): string {
  return `omnishop_cluster_${port}`;
}

export function clusterDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${clusterDatabaseName()}`;
  return url.toString();
}
