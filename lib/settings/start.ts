import { getDbHandle } from '@/db/client';
import { onShutdown } from '@/lib/lifecycle/shutdown';
import { disableSettingsCache, enableSettingsCache } from './settings';

/**
 * Once per server process (instrumentation.ts): settings read through the app database are cached,
 * and every instance drops a value when any instance saves it (LISTEN on SETTINGS_CHANNEL).
 */
export async function startSettingsCache(): Promise<void> {
  const handle = getDbHandle();
  await enableSettingsCache(handle);
  onShutdown('settings-cache', () => disableSettingsCache(handle.db));
}
