import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Simulator, type SimulatorOptions, type SimSnapshot } from './simulator.js';
import { FakeConsole } from './testing/fake-server.js';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const UNTIL = '2026-07-01T00:00:00.000Z';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(opts: Partial<SimulatorOptions> = {}, fake?: FakeConsole) {
  const server = fake ?? (await new FakeConsole().listen());
  if (!fake) cleanup.push(() => server.close());
  const clock = { ms: T0 };
  const sim = new Simulator({
    url: server.url,
    email: 'holder@customer.test',
    password: 'x',
    cameras: 2,
    heartbeatMs: 0,
    tickMs: 0,
    retryMs: 20,
    restartMs: 0,
    activity: false,
    now: () => new Date(clock.ms),
    ...opts,
  });
  cleanup.push(() => sim.stop());
  return { server, sim, clock };
}

const cam = (s: SimSnapshot, channel: number) => s.cameras.find((c) => c.channel === channel)!;

describe('Simulator against a stand-in server', () => {
  it('registers, verifies the signed document and switches recording with the license, at once', async () => {
    const { server, sim } = await setup();
    sim.start();
    const first = await sim.waitFor((s) => s.entitlements !== null, 2000, 'first document');
    expect(first.deviceId).toBe(server.deviceId);
    expect(first.cameras.map((c) => [c.recording, c.hdmiLive])).toEqual([
      [false, true],
      [false, true],
    ]);

    server.license(1, UNTIL); // the long-poll answers with the new version
    const on = await sim.waitFor((s) => cam(s, 1).recording, 2000, 'ch1 recording');
    expect(cam(on, 1)).toMatchObject({ remoteStreaming: true, hdmiLive: true, validUntil: UNTIL });
    expect(cam(on, 2)).toMatchObject({ recording: false, remoteStreaming: false, hdmiLive: true });

    server.license(1, null);
    const off = await sim.waitFor((s) => !cam(s, 1).recording, 2000, 'ch1 stopped');
    expect(cam(off, 1)).toMatchObject({ remoteStreaming: false, hdmiLive: true, reason: 'not licensed' });
  });

  it('refuses a tampered document and keeps enforcing the last valid one', async () => {
    const { server, sim } = await setup();
    sim.start();
    await sim.waitFor((s) => s.entitlements !== null, 2000);
    server.license(1, UNTIL);
    const valid = await sim.waitFor((s) => cam(s, 1).recording, 2000);

    server.tamper = true; // the next documents claim both cameras licensed until 2999
    server.bump();
    const refused = await sim.waitFor((s) => s.lastRefusal !== null, 2000, 'refusal');
    expect(refused.lastRefusal!.reason).toBe('bad signature');
    expect(refused.entitlements!.version).toBe(valid.entitlements!.version);
    expect(cam(refused, 2)).toMatchObject({ recording: false, remoteStreaming: false });
    expect(cam(refused, 1)).toMatchObject({ recording: true, validUntil: UNTIL });

    server.tamper = false;
    server.license(2, UNTIL);
    const both = await sim.waitFor((s) => cam(s, 2).recording, 2000, 'genuine document after the refusal');
    expect(both.entitlements!.version).toBe(server.version);
  });

  it('while the server is out of reach, enforces the last valid document until validUntil by its own clock', async () => {
    const { server, sim, clock } = await setup({}, await new FakeConsole().listen());
    sim.start();
    await sim.waitFor((s) => s.entitlements !== null, 2000);
    server.license(1, UNTIL);
    await sim.waitFor((s) => cam(s, 1).recording, 2000);

    await server.close(); // gone: the long-poll breaks, reconnects fail
    const cut = await sim.waitFor((s) => !s.connected, 2000, 'connection lost');
    expect(cam(cut, 1).recording).toBe(true);

    clock.ms = Date.parse(UNTIL) - 1;
    expect(cam(sim.evaluate(), 1)).toMatchObject({ recording: true, remoteStreaming: true });

    clock.ms = Date.parse(UNTIL);
    const lapsed = sim.evaluate();
    expect(cam(lapsed, 1)).toMatchObject({
      recording: false,
      remoteStreaming: false,
      hdmiLive: true,
      reason: 'validity passed',
    });
  });

  it('reuses its saved credential, and registers again when the server refuses it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-sim-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const statePath = path.join(dir, 'device.json');
    const { server, sim } = await setup({ statePath });
    sim.start();
    await sim.waitFor((s) => s.entitlements !== null, 2000);
    await sim.stop();
    expect(server.registrations).toBe(1);
    expect(fs.statSync(statePath).mode & 0o077).toBe(0);

    const again = new Simulator({
      url: server.url,
      cameras: 2,
      statePath,
      heartbeatMs: 0,
      tickMs: 0,
      retryMs: 20,
      activity: false,
    }); // no e-mail or password: only the saved credential can work
    cleanup.push(() => again.stop());
    expect(again.snapshot.entitlements).not.toBeNull(); // the saved document verified at load
    again.start();
    await again.waitFor((s) => s.connected, 2000, 'reconnected with the saved credential');
    expect(server.registrations).toBe(1);
    expect(again.snapshot.deviceId).toBe(server.deviceId);

    // The server forgets the credential: the next request gets 401 and the device registers again.
    const withPassword = new Simulator({
      url: server.url,
      email: 'holder@customer.test',
      password: 'x',
      cameras: 2,
      statePath,
      heartbeatMs: 0,
      tickMs: 0,
      retryMs: 20,
      activity: false,
    });
    await again.stop();
    cleanup.push(() => withPassword.stop());
    server.credential = randomUUID();
    withPassword.start();
    await withPassword.waitFor((s) => s.connected && server.registrations === 2, 2000, 're-registered');
    expect(withPassword.snapshot.deviceId).toBe(server.deviceId);
  });

  it('gives up, saying why, when registration is refused (no retries counting towards the account lock)', async () => {
    const server = await new FakeConsole().listen();
    cleanup.push(() => server.close());
    server.refuseRegistration = true;
    const { sim } = await setup({}, server);
    const fatal = new Promise<string>((r) => sim.once('fatal', r));
    sim.start();
    expect(await fatal).toMatch(/^registration refused: HTTP 401/);
    expect(sim.snapshot.fatal).toMatch(/registration refused/);
    expect(server.registerAttempts).toBe(1);
  });

  it('runs commands and reports their results, logs and events with the next heartbeat', async () => {
    const { server, sim } = await setup({ firmware: '1.0.0' });
    sim.start();
    await sim.waitFor((s) => s.entitlements !== null, 2000);
    sim.raiseAlarm(2);
    const id = () => randomUUID();
    const ids = [id(), id(), id(), id(), id(), id()];
    server.pendingCommands = [
      { id: ids[0], kind: 'alarm_reset', payload: {}, createdAt: new Date().toISOString() },
      {
        id: ids[1],
        kind: 'thumbnail_cache',
        payload: { enabled: true },
        createdAt: new Date().toISOString(),
      },
      {
        id: ids[2],
        kind: 'firmware_update',
        payload: { version: '2.1.0' },
        createdAt: new Date().toISOString(),
      },
      {
        id: ids[3],
        kind: 'thumbnail_cache',
        payload: { enabled: 'yes' },
        createdAt: new Date().toISOString(),
      },
      { id: ids[4], kind: 'restart', payload: {}, createdAt: new Date().toISOString() },
      { id: ids[5], kind: 'error_recovery', payload: {}, createdAt: new Date().toISOString() },
    ];
    const r = await sim.heartbeatNow();
    expect(r?.commands).toHaveLength(6);
    const first = server.heartbeats.at(-1)!;
    expect(first.status).toBe('alarm');
    expect(first.cameras).toEqual([
      { channel: 1, model: 'SIM-CAM-200' },
      { channel: 2, model: 'SIM-CAM-200' },
    ]);
    expect(first.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'alarm', channel: 2 })]),
    );

    const s = sim.snapshot;
    expect(s).toMatchObject({ status: 'normal', thumbnailCache: true, firmware: '2.1.0', restarting: false });

    await sim.heartbeatNow();
    const second = server.heartbeats.at(-1)!;
    expect(second.status).toBe('normal');
    expect(second.commandResults).toEqual([
      { id: ids[0], status: 'done', message: 'alarm cleared' },
      { id: ids[1], status: 'done', message: 'thumbnail cache on' },
      { id: ids[2], status: 'done', message: 'firmware 2.1.0' },
      { id: ids[3], status: 'failed', message: 'payload.enabled: must be true or false' },
      { id: ids[4], status: 'done', message: 'restarted' },
      { id: ids[5], status: 'done', message: 'no error to recover from' },
    ]);
    const codes = (second.logs as Array<{ code: string }>).map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['alarm_reset', 'firmware_update', 'restart', 'boot']));

    await sim.heartbeatNow();
    expect(server.heartbeats.at(-1)!.commandResults).toBeUndefined(); // reported once
  });

  it('raises an event on a camera and reports it at once (the key e, the page button, --raise-event)', async () => {
    const { server, sim } = await setup();
    sim.start();
    await sim.waitFor((s) => s.entitlements !== null, 2000);
    const before = server.heartbeats.length;
    await sim.raiseEvent('motion', 2);
    expect(server.heartbeats.length).toBe(before + 1);
    expect(server.heartbeats.at(-1)!.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'motion', channel: 2 })]),
    );
    await sim.raiseEvent(); // motion on the first camera
    expect(server.heartbeats.at(-1)!.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'motion', channel: 1 })]),
    );
    expect(() => sim.raiseEvent('motion', 9)).toThrow('no camera on channel 9');
    expect(() => sim.raiseEvent('Bad Type')).toThrow('lowercase');
  });
});
