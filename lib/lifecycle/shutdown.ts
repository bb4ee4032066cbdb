import { log } from '@/lib/logging/logger';

/**
 * The process's shutdown: a registry of hooks that run once, after the HTTP server has stopped taking
 * requests and finished the ones in flight (see process.ts), before the process exits.
 *
 * Phases run in order: `work` first (a job runner stops its timers and releases the rows it has
 * claimed, so another instance takes them over at once instead of after the lease), then `resources`
 * (the database pool, which the `work` hooks still need). Hooks of one phase run side by side; one
 * that fails or hangs past its share of the deadline is logged and does not stop the others.
 */
export type ShutdownPhase = 'work' | 'resources';
const PHASES: ShutdownPhase[] = ['work', 'resources'];

interface Hook {
  name: string;
  phase: ShutdownPhase;
  run: () => unknown;
}

export interface HookOutcome {
  name: string;
  phase: ShutdownPhase;
  ok: boolean;
  ms: number;
}

interface ShutdownState {
  hooks: Set<Hook>;
  draining: boolean;
  done?: Promise<HookOutcome[]>;
}

// On globalThis: instrumentation and route handlers are separate bundles with their own module copies.
const globalForShutdown = globalThis as unknown as { omnishopShutdown?: ShutdownState };
const state = (globalForShutdown.omnishopShutdown ??= { hooks: new Set(), draining: false });

/** Registers `run` to be awaited on shutdown. Returns a function that unregisters it. */
export function onShutdown(name: string, run: () => unknown, options: { phase?: ShutdownPhase } = {}): () => void {
  const hook: Hook = { name, run, phase: options.phase ?? 'work' };
  state.hooks.add(hook);
  return () => state.hooks.delete(hook);
}

/** From the signal on: readiness answers 503 so a load balancer stops sending new requests. */
export function beginShutdown(): void {
  state.draining = true;
}

export function isShuttingDown(): boolean {
  return state.draining;
}

/**
 * Runs every hook once (later calls get the first run's outcome), within `timeoutMs` in all.
 * Marks the process as shutting down first.
 */
export function runShutdownHooks(timeoutMs = 10_000): Promise<HookOutcome[]> {
  beginShutdown();
  state.done ??= (async () => {
    const deadline = Date.now() + timeoutMs;
    const outcomes: HookOutcome[] = [];
    for (const phase of PHASES) {
      const hooks = [...state.hooks].filter((hook) => hook.phase === phase);
      const budget = Math.max(0, deadline - Date.now());
      outcomes.push(...(await Promise.all(hooks.map((hook) => runHook(hook, budget)))));
    }
    return outcomes;
  })();
  return state.done;
}

async function runHook(hook: Hook, budgetMs: number): Promise<HookOutcome> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`shutdown hook "${hook.name}" took longer than ${budgetMs} ms`)), budgetMs);
  });
  try {
    await Promise.race([Promise.resolve().then(hook.run), timeout]);
    return { name: hook.name, phase: hook.phase, ok: true, ms: Date.now() - started };
  } catch (error) {
    log.error({ err: error, hook: hook.name }, 'shutdown hook failed');
    return { name: hook.name, phase: hook.phase, ok: false, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Tests only: forget hooks and the shutdown state. */
export function resetShutdownForTests(): void {
  state.hooks.clear();
  state.draining = false;
  state.done = undefined;
}
