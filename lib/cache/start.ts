import { getDbHandle } from '@/db/client';
import { onShutdown } from '@/lib/lifecycle/shutdown';
import { disableTableCache, enableTableCache } from './table-cache';

/**
 * Once per server process (instrumentation.ts): reads of the announced tables (promotions, experiments,
 * locations) through the app database are cached, and every instance drops them on any change.
 */
export async function startTableCache(): Promise<void> {
  const handle = getDbHandle();
  await enableTableCache(handle);
  onShutdown('table-cache', () => disableTableCache(handle.db));
}
