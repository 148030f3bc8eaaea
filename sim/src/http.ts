/** The device's HTTP plumbing: one request to the License Console, and the errors it tells apart. */

export class Unauthorized extends Error {}
/** A problem that retrying cannot solve: the simulator stops and says why. */
export class Fatal extends Error {}
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

/** What a request needs to know of the device at the moment it is sent. */
export interface RequestContext {
  url: string;
  fetchFn: typeof fetch;
  /** A simulated cable pull: the request fails locally. */
  offline: boolean;
  credential: string | null;
  longPollSeconds: number;
  /** Aborted when the simulator stops. */
  stopSignal: AbortSignal;
}

/**
 * Sends one request (JSON body, `Device` credential when `device`); resolves with a 2xx answer,
 * rejects with Unauthorized (a device request refused with 401), HttpError (any other non-2xx) or
 * the network error. Times out a little after the long-poll would.
 */
export async function deviceRequest(
  ctx: RequestContext,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  device: boolean,
  signal?: AbortSignal,
): Promise<Response> {
  if (ctx.offline) throw new Error('network unreachable (simulated)');
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (device) headers.authorization = `Device ${ctx.credential}`;
  const timeout = AbortSignal.timeout((ctx.longPollSeconds + 15) * 1000);
  const r = await ctx.fetchFn(ctx.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.any([ctx.stopSignal, timeout, ...(signal ? [signal] : [])]),
  });
  if (r.status === 401 && device) throw new Unauthorized('401');
  if (!r.ok) throw new HttpError(r.status, await r.text().catch(() => ''));
  return r;
}
