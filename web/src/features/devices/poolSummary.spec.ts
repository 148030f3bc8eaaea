import { describe, expect, it } from 'vitest';
import type { CustomerLicense } from '@lc/shared';
import { poolSummary } from './poolSummary';

let n = 0;
function license(over: Partial<CustomerLicense>): CustomerLicense {
  n += 1;
  return {
    id: `l${n}`,
    skuCode: 'EDGE-12M',
    kind: 'edge',
    state: 'assigned',
    cameraId: null,
    assignedAt: '2026-11-22T01:00:00.000Z',
    freeUntil: '2026-12-31T14:59:59.999Z',
    termStartsAt: '2026-12-31T15:00:00.000Z',
    endsAt: '2027-12-31T14:59:59.999Z',
    termMonths: 12,
    daysLeft: 404,
    ...over,
  };
}

describe('poolSummary', () => {
  it('counts only unbound valid licenses (assigned), per kind, edge first, with the earliest end', () => {
    const pool = poolSummary([
      license({ kind: 'direct', skuCode: 'DIRECT-12M', endsAt: '2027-12-31T14:59:59.999Z' }),
      license({ endsAt: '2029-12-31T14:59:59.999Z' }),
      license({ endsAt: '2027-06-30T14:59:59.999Z' }),
      license({ state: 'bound', cameraId: 'c1', endsAt: '2026-12-31T14:59:59.999Z' }),
      license({ state: 'expired', endsAt: '2026-01-31T14:59:59.999Z' }),
      license({ state: 'void' }),
    ]);
    expect(pool).toEqual([
      { kind: 'edge', count: 2, earliestEndsAt: '2027-06-30T14:59:59.999Z' },
      { kind: 'direct', count: 1, earliestEndsAt: '2027-12-31T14:59:59.999Z' },
    ]);
  });

  it('is empty when every license is bound or gone', () => {
    expect(poolSummary([license({ state: 'bound', cameraId: 'c' }), license({ state: 'void' })])).toEqual([]);
    expect(poolSummary([])).toEqual([]);
  });
});
