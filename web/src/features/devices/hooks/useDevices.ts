import { useQuery } from '@tanstack/react-query';
import { getCamera, getDevice, listDevices, type CustomerScope } from '../../../api/devices';

export const DEVICES_KEY = ['devices'] as const;

/** The device tree (`GET /api/devices`); a dealer passes one of its customers. */
export function useDevices(scope: CustomerScope) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'list', scope.customerId ?? 'me'],
    queryFn: ({ signal }) => listDevices(scope, signal),
    // Status and last-seen change with heartbeats; keep the tree fresh while it is open.
    refetchInterval: 30_000,
  });
}

export function useDevice(id: string, scope: CustomerScope) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'device', id, scope.customerId ?? 'me'],
    queryFn: ({ signal }) => getDevice(id, scope, signal),
    refetchInterval: 30_000,
  });
}

export function useCamera(id: string, scope: CustomerScope) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'camera', id, scope.customerId ?? 'me'],
    queryFn: ({ signal }) => getCamera(id, scope, signal),
  });
}
