import { format } from 'node:util';
import { log } from './logger';

/**
 * In production, Next's own error output (a failed render, a route handler that threw) goes through the
 * logger too: one JSON line like every other, redacted — a Drizzle error printed by Next would
 * otherwise carry its query parameters (emails, password hashes) into the log.
 */
export function routeConsoleToLogger(): void {
  const globalForConsole = globalThis as unknown as { omnishopConsoleRouted?: boolean };
  if (globalForConsole.omnishopConsoleRouted) return;
  globalForConsole.omnishopConsoleRouted = true;
  const forward = (level: 'error' | 'warn') => (...args: unknown[]) => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const text = format(...args.filter((arg) => arg !== error));
    if (error) log[level]({ err: error, source: 'console' }, text || error.message);
    else log[level]({ source: 'console' }, text);
  };
  console.error = forward('error');
  console.warn = forward('warn');
}
