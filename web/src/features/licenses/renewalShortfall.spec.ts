import { describe, expect, it } from 'vitest';
import type { RenewalCustomerRow } from '@lc/shared';
import { shortfallLines } from './renewalShortfall';

const lic = (skuCode: string, kind: 'edge' | 'direct', endsAt: string) => ({
  id: `${skuCode}-${endsAt}`,
  skuCode,
  kind,
  state: 'bound' as const,
  cameraId: null,
  endsAt,
  daysLeft: 10,
});

describe('shortfallLines', () => {
  it('orders the shortfall of each short kind with the SKU of its earliest-ending license', () => {
    const row: RenewalCustomerRow = {
      customerId: 'c',
      customerName: 'C',
      customerEmail: null,
      kinds: [
        { kind: 'edge', ending: 3, waiting: 1, shortfall: 2 },
        { kind: 'direct', ending: 1, waiting: 1, shortfall: 0 },
      ],
      licenses: [
        lic('EDGE-36M', 'edge', '2027-01-31T14:59:59.999Z'),
        lic('EDGE-12M', 'edge', '2026-12-31T14:59:59.999Z'),
        lic('DIRECT-12M', 'direct', '2026-12-31T14:59:59.999Z'),
      ],
    };
    expect(shortfallLines(row)).toEqual([{ skuCode: 'EDGE-12M', quantity: 2 }]);
  });

  it('is empty when renewals cover everything', () => {
    const row: RenewalCustomerRow = {
      customerId: 'c',
      customerName: 'C',
      customerEmail: null,
      kinds: [{ kind: 'edge', ending: 1, waiting: 1, shortfall: 0 }],
      licenses: [lic('EDGE-12M', 'edge', '2026-12-31T14:59:59.999Z')],
    };
    expect(shortfallLines(row)).toEqual([]);
  });
});
