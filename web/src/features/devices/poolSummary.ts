import type { CustomerLicense, LicenseKind } from '@lc/shared';

export interface PoolKindSummary {
  kind: LicenseKind;
  count: number;
  /** The earliest `endsAt` among them: the one that binds first. */
  earliestEndsAt: string;
}

/**
 * The customer's pool: valid licenses not bound to a camera (effective state `assigned`), per kind,
 * edge first. They bind automatically to the next camera of their kind without a license.
 */
export function poolSummary(licenses: readonly CustomerLicense[]): PoolKindSummary[] {
  const byKind = new Map<LicenseKind, PoolKindSummary>();
  for (const l of licenses) {
    if (l.state !== 'assigned') continue;
    const s = byKind.get(l.kind);
    if (!s) byKind.set(l.kind, { kind: l.kind, count: 1, earliestEndsAt: l.endsAt });
    else {
      s.count += 1;
      if (Date.parse(l.endsAt) < Date.parse(s.earliestEndsAt)) s.earliestEndsAt = l.endsAt;
    }
  }
  return [...byKind.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'edge' ? -1 : 1));
}
