import type { Db } from '../../db/client';
import type { SettingKey } from './keys';

// Relative imports only: the seed loads this room under tsx.

/** The NOTIFY channel on which a saved setting is announced to every instance (payload: the key). */
export const SETTINGS_CHANNEL = 'settings_changed';

type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

/**
 * One instance's cache of settings values for one database. Exact, not time-based: an entry lives
 * until a NOTIFY on SETTINGS_CHANNEL (sent by setSetting in the writer's transaction, delivered on
 * commit to every instance, this one included) drops it. A read that was in flight while its key was
 * invalidated is not stored, so an old value can never outlive the notification.
 */
export class SettingsCache {
  private readonly values = new Map<SettingKey, Promise<unknown>>();
  private readonly generation = new Map<SettingKey, number>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Called after each invalidation (tests wait on it; nothing else should). */
  onInvalidate: ((key: SettingKey | null) => void) | null = null;

  constructor(readonly db: Db) {}

  /** The cached value, or `load()`'s — stored only if the key was not invalidated meanwhile. */
  async get<T>(key: SettingKey, load: () => Promise<T>): Promise<T> {
    const hit = this.values.get(key);
    if (hit) return hit as Promise<T>;
    const generation = this.generation.get(key) ?? 0;
    const loading = load();
    this.values.set(key, loading);
    try {
      return await loading;
    } catch (error) {
      if (this.values.get(key) === loading) this.values.delete(key);
      throw error;
    } finally {
      // Invalidated while loading: this value may predate the change, so it is not kept.
      if ((this.generation.get(key) ?? 0) !== generation && this.values.get(key) === loading) this.values.delete(key);
    }
  }

  /** Drops one key (or all, for an unknown payload or a reset). */
  invalidate(key: SettingKey | null): void {
    const keys = key === null ? [...new Set([...this.values.keys(), ...this.generation.keys()])] : [key];
    for (const k of keys) {
      this.generation.set(k, (this.generation.get(k) ?? 0) + 1);
      this.values.delete(k);
    }
    if (key === null) this.values.clear();
    this.onInvalidate?.(key);
  }

  /** LISTENs for saved settings; resolves once listening, so no change after it is missed. */
  async listen(listen: Listen, isKey: (key: string) => key is SettingKey): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await listen(SETTINGS_CHANNEL, (payload) => this.invalidate(isKey(payload) ? payload : null));
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.values.clear();
    await unlisten?.();
  }
}

// The caches of this process, by database (on globalThis: Next bundles route handlers, pages and
// instrumentation separately, and each must find the same cache).
const globalForSettings = globalThis as unknown as { omnishopSettingsCaches?: Map<Db, SettingsCache> };

export function settingsCaches(): Map<Db, SettingsCache> {
  globalForSettings.omnishopSettingsCaches ??= new Map();
  return globalForSettings.omnishopSettingsCaches;
}
