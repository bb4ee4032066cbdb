/**
 * Next calls register() once per server process before it serves a request
 * (https://nextjs.org/docs/app/guides/instrumentation). On the Node runtime it installs the graceful
 * shutdown (lib/lifecycle) and, in production, routes Next's console errors into the JSON logger.
 * The background jobs (outbox delivery, …) start here too and register their claim release with
 * onShutdown().
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installGracefulShutdown } = await import('./lib/lifecycle/process');
  installGracefulShutdown();
  // Settings are cached per process and invalidated by NOTIFY from whichever instance saves them.
  const { startSettingsCache } = await import('./lib/settings/start');
  await startSettingsCache();
  // So are promotions, experiments and stores, dropped by the NOTIFY their tables' triggers send.
  const { startTableCache } = await import('./lib/cache/start');
  await startTableCache();
  const { startAppJobs } = await import('./lib/jobs/start');
  await startAppJobs();
  if (process.env.NODE_ENV === 'production') {
    const { routeConsoleToLogger } = await import('./lib/logging/console');
    routeConsoleToLogger();
  }
}
