import http from 'node:http';
import { isShuttingDown } from './shutdown';

/**
 * Next's shutdown calls `server.close()`, which refuses new connections and closes the idle ones once.
 * A keep-alive connection that finishes a request afterwards stays open, and a client (a load balancer's
 * connection pool) can keep sending new requests over it, so the instance never drains. From the
 * signal on, every response therefore says `Connection: close`, and idle connections are closed
 * again every 100 ms until the process exits.
 *
 * Next does not hand out its http.Server, so the servers are recognised by their 'request' events.
 */
export function closeKeepAliveOnShutdown(): { drain: () => void } {
  const servers = new Set<http.Server>();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      servers.add(this);
      const response = args[1] as http.ServerResponse | undefined;
      if (isShuttingDown() && response && !response.headersSent) response.setHeader('connection', 'close');
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;

  return {
    drain() {
      const sweep = () => servers.forEach((server) => server.closeIdleConnections());
      sweep();
      setInterval(sweep, 100).unref();
    },
  };
}
