/** A stand-in License Console for the simulator's unit tests: signs entitlements with its own key. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import {
  capabilitiesFor,
  type EntitlementsDocument,
  type EntitlementsPayload,
  type SigningKeyView,
} from '@lc/shared';

export interface TestKey {
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

export function makeKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyId = createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16);
  return { keyId, publicKeyPem, privateKey };
}

export function keyView(k: TestKey): SigningKeyView {
  return {
    keyId: k.keyId,
    publicKeyPem: k.publicKeyPem,
    createdAt: new Date(0).toISOString(),
    retiredAt: null,
  };
}

export function signDoc(payload: EntitlementsPayload, k: TestKey): EntitlementsDocument {
  const signature = sign(null, Buffer.from(JSON.stringify(payload), 'utf8'), k.privateKey).toString('base64');
  return { payload, signature, keyId: k.keyId };
}

export function payloadFor(
  deviceId: string,
  version: number,
  cameras: Array<{ cameraId: string; validUntil: string | null }>,
  issuedAt = new Date().toISOString(),
): EntitlementsPayload {
  return {
    deviceId,
    issuedAt,
    version,
    cameras: cameras.map((c) => ({
      cameraId: c.cameraId,
      licensed: c.validUntil !== null,
      validUntil: c.validUntil,
      capabilities: capabilitiesFor(c.validUntil !== null),
    })),
  };
}

interface Waiter {
  version: number;
  res: http.ServerResponse;
  timer: NodeJS.Timeout;
}

/**
 * Registration, keys, long-polled entitlements and heartbeats, in memory. `licence(channel, until)`
 * changes a camera and bumps the version; `tamper` makes the next documents carry a bad signature.
 */
export class FakeConsole {
  readonly key = makeKey();
  readonly deviceId = randomUUID();
  credential = randomUUID();
  version = 1;
  cameras: Array<{ channel: number; cameraId: string; validUntil: string | null }> = [];
  registrations = 0;
  registerAttempts = 0;
  /** Answer registrations with 401 (wrong e-mail or password). */
  refuseRegistration = false;
  heartbeats: Array<Record<string, unknown>> = [];
  pendingCommands: Array<{ id: string; kind: string; payload: Record<string, unknown>; createdAt: string }> =
    [];
  /** Return documents whose payload was changed after signing. */
  tamper = false;
  private waiters: Waiter[] = [];
  private server = http.createServer((req, res) => void this.handle(req, res));
  url = '';

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.waiters) clearTimeout(w.timer);
    this.waiters = [];
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  license(channel: number, validUntil: string | null): void {
    const c = this.cameras.find((x) => x.channel === channel);
    if (!c) throw new Error(`no camera on channel ${channel}`);
    c.validUntil = validUntil;
    this.bump();
  }

  bump(): void {
    this.version++;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      clearTimeout(w.timer);
      this.sendDoc(w.res);
    }
  }

  document(): EntitlementsDocument {
    const doc = signDoc(payloadFor(this.deviceId, this.version, this.cameras), this.key);
    if (this.tamper) {
      doc.payload.cameras = doc.payload.cameras.map((c) => ({
        ...c,
        licensed: true,
        validUntil: '2999-01-01T00:00:00.000Z',
        capabilities: capabilitiesFor(true),
      }));
    }
    return doc;
  }

  private sendDoc(res: http.ServerResponse) {
    this.json(res, 200, this.document());
  }

  private json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const authed = req.headers.authorization === `Device ${this.credential}`;
    if (req.method === 'POST' && url.pathname === '/api/device/register') {
      this.registerAttempts++;
      if (this.refuseRegistration) {
        return this.json(res, 401, { statusCode: 401, code: 400224, message: 'email: or password is wrong' });
      }
      this.registrations++;
      this.credential = randomUUID();
      const device = body.device as { cameras?: Array<{ channel: number }> };
      for (const c of device.cameras ?? [{ channel: 1 }]) {
        if (!this.cameras.some((x) => x.channel === c.channel)) {
          this.cameras.push({ channel: c.channel, cameraId: randomUUID(), validUntil: null });
        }
      }
      return this.json(res, 201, {
        deviceId: this.deviceId,
        credential: this.credential,
        cameras: this.cameras.map((c) => ({ id: c.cameraId, channel: c.channel })),
      });
    }
    if (req.method === 'GET' && url.pathname === '/api/device/keys') {
      return this.json(res, 200, [keyView(this.key)]);
    }
    if (!authed) return this.json(res, 401, { statusCode: 401, code: 401001, message: 'device credential' });
    if (req.method === 'GET' && url.pathname === '/api/device/entitlements') {
      const wait = url.searchParams.get('waitForVersion');
      if (wait !== null && Number(wait) === this.version) {
        const seconds = Number(url.searchParams.get('timeoutSeconds') ?? 25);
        const w: Waiter = {
          version: this.version,
          res,
          timer: setTimeout(() => {
            this.waiters = this.waiters.filter((x) => x !== w);
            this.sendDoc(res);
          }, seconds * 1000),
        };
        this.waiters.push(w);
        return;
      }
      return this.sendDoc(res);
    }
    if (req.method === 'POST' && url.pathname === '/api/device/heartbeat') {
      this.heartbeats.push(body);
      const commands = this.pendingCommands;
      this.pendingCommands = [];
      return this.json(res, 200, { commands, entitlementsVersion: this.version });
    }
    this.json(res, 404, { message: 'not found' });
  }
}
