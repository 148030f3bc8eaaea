import { capabilitiesFor, type CameraView } from '@lc/shared';

/** A camera as `GET /api/devices` returns it; licensed unless told otherwise. */
export function testCamera(over: Partial<CameraView> = {}): CameraView {
  const licensed = over.licensed ?? true;
  return {
    id: '00000000-0000-4000-8000-000000000001',
    deviceId: '00000000-0000-4000-8000-0000000000d1',
    channel: 1,
    model: 'CAM-200',
    kind: 'edge',
    name: null,
    doNotLicense: false,
    registeredAt: '2026-11-01T00:00:00.000Z',
    licensed,
    licenseId: licensed ? '00000000-0000-4000-8000-0000000000aa' : null,
    endsAt: licensed ? '2027-12-31T14:59:59.999Z' : null,
    daysLeft: licensed ? 404 : null,
    lapsed: !licensed,
    lapsedAt: licensed ? null : '2026-11-01T00:00:00.000Z',
    capabilities: capabilitiesFor(licensed),
    ...over,
  };
}
