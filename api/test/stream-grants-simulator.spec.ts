/**
 * End to end: the portal obtains a stream grant and the device simulator (@lc/sim) verifies it
 * before it "streams" — genuine grants admit a remote viewer, forged or expired ones are refused.
 * The simulator's clock is the app's clock; nothing sleeps.
 */
import { describe, expect, it } from '@jest/globals';
import { Simulator } from '@lc/sim';
import { licenses } from './device-helpers.js';
import { bearer, login, makeDealerAndCustomer, PASSWORD, uniq } from './harness.js';
import { useListeningApp, useTestApp } from './support/index.js';

const t = useTestApp();
const host = useListeningApp(t);

describe('stream grants verified by the device', () => {
  it('admits a viewer with a genuine grant; refuses a forged, an expired and another camera’s grant', async () => {
    const m = await makeDealerAndCustomer(t);
    const l = await licenses(t, m);
    t.clock.set(new Date('2026-11-22T01:00:00Z'), true);
    await l.assign(1);
    const sim = new Simulator({
      url: host.base(),
      email: m.customerEmail,
      password: PASSWORD,
      cameras: 2,
      serial: uniq('SIM'),
      heartbeatMs: 0,
      tickMs: 0,
      retryMs: 100,
      restartMs: 0,
      activity: false,
      now: () => t.clock.now(),
    });
    host.track(sim);
    sim.start();
    const ready = await sim.waitFor(
      (s) => s.cameras.some((c) => c.remoteStreaming) && s.cameras.every((c) => !!c.cameraId),
      10_000,
      'a licensed camera',
    );
    const licensed = ready.cameras.find((c) => c.remoteStreaming)!;
    const unlicensed = ready.cameras.find((c) => !c.remoteStreaming)!;
    const holder = (await login(t, m.customerEmail)).accessToken;
    const grant = async (cameraId: string, mode = 'live') => {
      const r = await t.http
        .post(`/api/cameras/${cameraId}/stream-grants`)
        .set(bearer(holder))
        .send({ mode });
      return r;
    };

    const g = await grant(licensed.cameraId!, 'playback');
    expect(g.status).toBe(201);
    const ok = sim.openStream(g.body.token);
    expect(ok).toMatchObject({ ok: true, viewer: { channel: licensed.channel, mode: 'playback' } });
    expect(sim.snapshot.viewers).toHaveLength(1);

    // Forged: the payload changed (another mode), the signature kept.
    const [p, sig] = (g.body.token as string).split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...payload, mode: 'download' })).toString('base64url')}.${sig}`;
    expect(sim.openStream(forged)).toEqual({ ok: false, reason: 'bad signature' });
    expect(sim.snapshot.lastGrantRefusal?.reason).toBe('bad signature');

    // The API refuses the unlicensed camera; a grant can only be had for the licensed one.
    expect((await grant(unlicensed.cameraId!)).status).toBe(403);

    // Expired by the device's clock.
    const late = await grant(licensed.cameraId!);
    t.clock.set(new Date(Date.parse(late.body.expiresAt) + 1), true);
    expect(sim.openStream(late.body.token)).toEqual({ ok: false, reason: 'expired' });
  });
});
