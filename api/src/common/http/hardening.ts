/**
 * HTTP hardening that applies to every request before any route runs (issue 11 §4–6): text
 * that PostgreSQL cannot store is refused with 400, oversized request heads get a JSON answer,
 * and every response carries the security headers.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, type ErrorBody } from '@lc/shared';

/** NUL, or a UTF-16 surrogate without its partner (PostgreSQL text holds neither). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasBadText(s: string): boolean {
  return BAD_TEXT.test(s);
}

/** The path (dotted, like validation messages) of the first string or key holding bad text. */
export function findBadText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasBadText(value) ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findBadText(value[i], `${path}.${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (hasBadText(k)) return path;
    const p = findBadText(v, `${path}.${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

const badTextBody = (field: string): ErrorBody => ({
  statusCode: 400,
  code: ErrorCode.TEXT_INVALID_CHARACTERS,
  message: `${field}: contains a NUL character or an unpaired UTF-16 surrogate`,
  details: { field },
});

/** Middleware: refuses NUL bytes and lone surrogates in the path, the query and the JSON body. */
export function refuseBadText(req: Request, res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    res.status(400).json(badTextBody('path'));
    return;
  }
  const field = hasBadText(path)
    ? 'path'
    : (findBadText(req.query, 'query') ?? findBadText(req.body as unknown, 'body'));
  if (field) {
    res.status(400).json(badTextBody(field.replace(/^(query|body)\./, '')));
    return;
  }
  next();
}

/**
 * Node refuses request heads over its limit (16 KiB) before any route runs, and by default
 * just closes the socket: answer 414 (a long request line) or 431 (long headers) as JSON.
 */
export function answerOversizedRequests(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (err.code !== 'HPE_HEADER_OVERFLOW' || !socket.writable) {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
      return;
    }
    const raw = err.rawPacket?.toString('latin1') ?? '';
    const eol = raw.indexOf('\r\n');
    const longLine = eol < 0 || eol > 8192;
    const [status, reason, what] = longLine
      ? [414, 'URI Too Long', 'url: is too long']
      : [431, 'Request Header Fields Too Large', 'headers: are too large'];
    const body = JSON.stringify({
      statusCode: status,
      code: longLine ? ErrorCode.URI_TOO_LONG : ErrorCode.HEADERS_TOO_LARGE,
      message: what,
    } satisfies ErrorBody);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Idle keep-alive connections stay open longer than clients and proxies keep theirs (60 s is the
 * usual proxy idle timeout): otherwise the server may close a connection at the instant a client
 * reuses it, and that request fails with "socket hang up" (Node's default is 5 s). The header
 * timeout must exceed the keep-alive one.
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepIdleConnections(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // On shutdown nothing is kept open: a connection without a request in flight (idle, or opened
  // and never used) is closed at once, one answering a request as soon as that answer is sent —
  // never left to the timeouts, which would hold the shutdown for up to a minute.
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = Math.max(0, (inFlight.get(socket) ?? 1) - 1);
      if (inFlight.has(socket)) inFlight.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });
  const close = server.close.bind(server);
  server.close = ((callback?: (err?: Error) => void) => {
    closing = true;
    const closed = close(callback);
    for (const [socket, n] of inFlight) if (n === 0) socket.destroy();
    return closed;
  }) as Server['close'];
}

/** The console and the API: scripts only from our own files, never framed. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) and the Swagger UI set styles at run time; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Middleware: security headers on every response; HSTS only on https (behind the proxy too). */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}

/** The invoice print page's button, as a file: the page itself has no inline script. */
export const PRINT_SCRIPT_PATH = '/api/assets/print.js';
export const PRINT_SCRIPT = `document.addEventListener('click', function (e) {
  if (e.target && e.target.closest && e.target.closest('[data-print]')) window.print();
});
`;
