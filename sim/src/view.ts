import type { SimSnapshot } from './simulator.js';

const on = (b: boolean, yes = 'ON', no = 'off') => (b ? yes : no);

/** Plain lines describing the device and each camera (terminal view and logs). */
export function describe(s: SimSnapshot): string[] {
  const ent = s.entitlements
    ? `entitlements v${s.entitlements.version} (key ${s.entitlements.keyId})`
    : 'no valid entitlements';
  const link = {
    connecting: 'connecting…',
    connected: 'connected',
    unreachable: 'SERVER OUT OF REACH',
    offline: 'OFFLINE (simulated)',
  }[s.link];
  const lines = [
    `${s.type} ${s.serial}  model ${s.model}  firmware ${s.firmware}  status ${s.status}${s.restarting ? ' (restarting)' : ''}`,
    `device ${s.deviceId ?? '(not registered)'}  ${link}  ${ent}  thumbnail cache ${on(s.thumbnailCache)}  clock ${s.now}`,
  ];
  if (s.fatal) lines.push(`STOPPED: ${s.fatal}`);
  if (s.lastRefusal) {
    lines.push(`last refused document: ${s.lastRefusal.reason} at ${s.lastRefusal.at}`);
  }
  if (s.lastGrantRefusal) {
    lines.push(`last refused stream grant: ${s.lastGrantRefusal.reason} at ${s.lastGrantRefusal.at}`);
  }
  lines.push('ch  HDMI monitor  recording  remote stream  valid until               why');
  for (const c of s.cameras) {
    lines.push(
      [
        String(c.channel).padStart(2),
        on(c.hdmiLive, 'LIVE', 'dark').padEnd(12),
        on(c.recording, 'REC', 'stopped').padEnd(9),
        on(c.remoteStreaming).padEnd(13),
        (c.validUntil ?? '-').padEnd(24),
        c.reason,
      ].join('  '),
    );
    for (const v of s.viewers.filter((x) => x.channel === c.channel)) {
      lines.push(`    remote viewer: ${v.mode} for user ${v.userId.slice(0, 8)} since ${v.openedAt}`);
    }
  }
  return lines;
}

/** The full-screen terminal view: device, cameras, the last log lines. */
export function renderScreen(s: SimSnapshot, pageUrl: string | null, width = 100): string {
  const lines = describe(s);
  if (pageUrl) lines.push('', `local page: ${pageUrl}`);
  lines.push('', 'log:');
  for (const l of s.log.slice(-10)) lines.push(`  ${l.at.slice(11, 19)} ${l.level.padEnd(5)} ${l.message}`);
  return lines.map((l) => (l.length > width ? l.slice(0, width - 1) + '…' : l)).join('\n');
}
