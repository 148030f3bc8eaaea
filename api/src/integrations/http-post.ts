import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refuseAddress, refuseUrl, type TargetPolicy } from './address-policy.js';

/** Resolves a host name to all its addresses (replaceable in tests to simulate DNS rebinding). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (e, addresses) => (e ? reject(e) : resolve(addresses))),
  );

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

const EXCERPT_CHARS = 1000;

/**
 * POSTs a webhook: the connection goes only to an address checked against the policy at this
 * moment — the host is resolved here and every answer checked (DNS rebinding), and the socket
 * connects to the checked address. No redirects are followed; the whole attempt (connect, send,
 * answer) is bounded by `timeoutMs`; at most the first 1000 characters of the answer are kept.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; policy: TargetPolicy; resolver: Resolver },
): Promise<PostResult> {
  const t0 = Date.now();
  const done = (r: Omit<PostResult, 'durationMs'>): PostResult => ({ ...r, durationMs: Date.now() - t0 });
  const refused = refuseUrl(url, opts.policy);
  if (refused)
    return Promise.resolve(done({ statusCode: null, error: `refused: ${refused}`, responseExcerpt: null }));
  const u = new URL(url);
  const lookup: LookupFunction = (host, options, cb) => {
    const callback = cb as (e: Error | null, address: string | LookupAddress[], family?: number) => void;
    opts.resolver(host).then(
      (all) => {
        const bad = all.map((a) => refuseAddress(a.address, opts.policy)).find((x) => x);
        if (!all.length || bad) {
          callback(new Error(`refused: ${host} resolves to a forbidden address (${bad ?? 'none'})`), '', 0);
          return;
        }
        if ((options as { all?: boolean }).all) callback(null, all);
        else callback(null, all[0].address, all[0].family);
      },
      (e: Error) => callback(e, '', 0),
    );
  };
  return new Promise((resolve) => {
    let finished = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(
      u,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        // An IP literal never reaches `lookup`: refuseUrl has judged it already.
        lookup: isIP(u.hostname.replace(/^\[|\]$/g, '')) ? undefined : lookup,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < EXCERPT_CHARS) text += chunk;
          if (text.length >= EXCERPT_CHARS) res.destroy();
        });
        const end = () =>
          finish({
            statusCode: res.statusCode ?? null,
            error: null,
            responseExcerpt: text.slice(0, EXCERPT_CHARS),
          });
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${opts.timeoutMs} ms`, responseExcerpt: null });
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (e: Error) =>
      finish({ statusCode: null, error: e.message.slice(0, 500), responseExcerpt: null }),
    );
    req.end(body);
  });
}
