import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line of one unit of work carries: the request id of a server action or route, or the
 * job name and id of a background job. Kept in AsyncLocalStorage so code deep inside a domain function
 * logs with the id without being handed a logger.
 */
export interface LogContext {
  requestId?: string;
  job?: string;
  jobId?: string | number;
  [key: string]: string | number | undefined;
}

// On globalThis: Next bundles server code more than once, and all copies must see one store.
const globalForLog = globalThis as unknown as { omnishopLogContext?: AsyncLocalStorage<LogContext> };
const storage = (globalForLog.omnishopLogContext ??= new AsyncLocalStorage<LogContext>());

/** Runs `fn` with `context` added to the current one (a job started inside a request keeps its id). */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/**
 * Runs `fn` as a unit of work of its own: with `context` and nothing of the surrounding one (a run of a
 * background job belongs to no request, even when its loop was started inside one).
 */
export function withOwnLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

// A proxy's id is reused when it looks like one (uuid, hex, ulid…); anything else could inject text
// into the logs, so a new one is made instead.
const REQUEST_ID = /^[\w.:-]{8,128}$/;

/** The request's `x-request-id` when a proxy set a sane one, else a new id. */
export function requestIdFrom(headers: Headers | null | undefined): string {
  const incoming = headers?.get('x-request-id')?.trim();
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
