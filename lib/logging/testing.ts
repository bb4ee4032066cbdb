// For tests only: a logger with the app's options (the same log context mixin as `log`) whose lines
// the test reads back.
import { Writable } from 'node:stream';
import { createLogger } from './logger';

export function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(stream, { NODE_ENV: 'production', LOG_LEVEL: 'info' });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
