import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentLogContext } from './context';
import { redact, scrubText } from './redact';

export type { Logger } from 'pino';

/**
 * Options of the app's logger: one JSON object per line on stdout (level, time, msg, the request or job
 * context), every argument redacted first (see redact.ts). LOG_LEVEL sets the level (default info;
 * warn under vitest so expected failures stay quiet). Outside production LOG_PRETTY=1 prints it
 * readable through pino-pretty, a dev dependency that production installs never load.
 */
export function loggerOptions(env: NodeJS.ProcessEnv = process.env): LoggerOptions {
  const pretty = env.NODE_ENV !== 'production' && env.LOG_PRETTY === '1';
  return {
    level: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: { service: 'omnishop', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redact(bindings) as Record<string, unknown>,
    },
    // Our own error conversion (redact.ts) runs first; pino's would copy unredacted fields back.
    serializers: { err: (value: unknown) => value },
    mixin: () => ({ ...currentLogContext() }),
    hooks: {
      logMethod(args, method) {
        method.apply(this, redactArguments(args) as Parameters<typeof method>);
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
}

/** `log.error(err)`, `log.info({ …fields }, 'msg %s', arg)`: redacted, an Error kept under `err`. */
function redactArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const tail = rest.map((arg) => (typeof arg === 'string' ? scrubText(arg) : redact(arg)));
  if (first instanceof Error) {
    const err = redact(first) as { message: string };
    return [{ err }, ...(tail.length > 0 ? tail : [err.message])];
  }
  if (first && typeof first === 'object') {
    const obj = redact(first) as { err?: { message?: unknown }; msg?: unknown };
    // pino would take the message from the raw error; give it the scrubbed one.
    if (tail.length === 0 && obj.msg === undefined && typeof obj.err?.message === 'string') tail.push(obj.err.message);
    return [obj, ...tail];
  }
  return [typeof first === 'string' ? scrubText(first) : first, ...tail];
}

/** A logger with the app's options, writing to `destination` (tests) or stdout. */
export function createLogger(destination?: DestinationStream, env: NodeJS.ProcessEnv = process.env): Logger {
  return destination ? pino(loggerOptions(env), destination) : pino(loggerOptions(env));
}

// One per process, shared by every bundled copy of this module (Next loads server code more than once).
const globalForLogger = globalThis as unknown as { omnishopLogger?: Logger };

/**
 * The app's logger. Inside a server action (lib/actions/action.ts) or an app/api route handler
 * (lib/logging/route.ts) every line carries its `requestId`; inside a run of a background job
 * (lib/jobs/runner.ts) every line carries `job` and that run's `jobId`.
 */
export const log: Logger = (globalForLogger.omnishopLogger ??= createLogger());
