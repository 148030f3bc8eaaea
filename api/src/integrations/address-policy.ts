import { BlockList, isIP } from 'node:net';

/**
 * SSRF policy for webhook targets (issue #17), pure. In production only `https` to public
 * addresses; outside production also `http`, and loopback (the tests' local receivers).
 * Private, link-local (cloud metadata 169.254.169.254 among them), CGNAT, multicast, reserved and
 * unspecified addresses are always refused; IPv4-mapped IPv6 is judged as the IPv4 it maps.
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

export interface TargetPolicy {
  production: boolean;
}

/** Why this address may not be called, or null when it may. */
export function refuseAddress(address: string, policy: TargetPolicy): string | null {
  let ip = address.replace(/^\[|\]$/g, '');
  let family = isIP(ip);
  if (family === 0) return 'not an IP address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) {
    ip = mapped[1];
    family = 4;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(ip, type)) return policy.production ? 'loopback addresses are refused' : null;
  if (blocked.check(ip, type)) return 'private, link-local and reserved addresses are refused';
  return null;
}

/** Why a target URL may not be used, or null: its form (scheme, credentials), or its literal address or name. */
export function refuseUrl(raw: string, policy: TargetPolicy): string | null {
  return urlProblem(raw, policy)?.reason ?? null;
}

/** As `refuseUrl`, telling a malformed URL (`invalid`) from a refused target (`forbidden`). */
export function urlProblem(raw: string, policy: TargetPolicy): { invalid: boolean; reason: string } | null {
  const form = formProblem(raw, policy);
  if (form) return { invalid: true, reason: form };
  const target = targetProblem(new URL(raw), policy);
  return target ? { invalid: false, reason: target } : null;
}

function formProblem(raw: string, policy: TargetPolicy): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'must start with https://';
  if (policy.production && u.protocol !== 'https:') return 'must use https';
  if (u.username || u.password) return 'must not contain a user name or password';
  if (raw.length > 2000) return 'must be at most 2000 characters';
  return null;
}

function targetProblem(u: URL, policy: TargetPolicy): string | null {
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return refuseAddress(host, policy);
  const lower = host.toLowerCase();
  if (
    lower === 'localhost' ||
    lower.endsWith('.localhost') ||
    lower.endsWith('.internal') ||
    lower.endsWith('.local')
  ) {
    return policy.production || lower !== 'localhost' ? 'internal host names are refused' : null;
  }
  return null;
}
