import { requestIdFrom, withLogContext } from './context';

/**
 * The route-handler counterpart of the server-action wrapper (lib/actions/action.ts): every log line
 * written while the handler runs — including after its awaits and in timers or callbacks it sets up —
 * carries the request's `requestId`: the proxy's `x-request-id` when it is a sane one
 * (requestIdFrom, the same rule as for actions), else a new id. The handler itself is called unchanged,
 * with the same arguments, and its response is returned as it is.
 *
 *   export const GET = withRequestLogContext(async (request: Request) => …);
 */
export function withRequestLogContext<H extends (...args: never[]) => unknown>(handler: H): H {
  const wrapped = (...args: Parameters<H>): ReturnType<H> => {
    const request = args[0] as unknown as Request | undefined;
    return withLogContext({ requestId: requestIdFrom(request?.headers) }, () => handler(...args) as ReturnType<H>);
  };
  return wrapped as unknown as H;
}
