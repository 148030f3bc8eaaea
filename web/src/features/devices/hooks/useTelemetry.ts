import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  listConnectionHistory,
  listDeviceLogs,
  searchEvents,
  type ConnectionHistoryQuery,
  type DeviceLogQuery,
  type DeviceTelemetryBase,
  type EventQuery,
} from '../../../api/devices';
import { DEVICES_KEY } from './useDevices';

/** Connection history of one device, or of every device of the customer (`deviceId` absent). */
export function useConnectionHistory(
  deviceId: string | undefined,
  query: ConnectionHistoryQuery,
  base: DeviceTelemetryBase = '/devices',
) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'connection-history', base, deviceId ?? 'all', query],
    queryFn: ({ signal }) => listConnectionHistory(deviceId, query, signal, base),
    placeholderData: keepPreviousData,
  });
}

export function useDeviceLogs(
  deviceId: string,
  query: DeviceLogQuery,
  base: DeviceTelemetryBase = '/devices',
) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'logs', base, deviceId, query],
    queryFn: ({ signal }) => listDeviceLogs(deviceId, query, signal, base),
    placeholderData: keepPreviousData,
  });
}

export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'events', query],
    queryFn: ({ signal }) => searchEvents(query, signal),
    placeholderData: keepPreviousData,
  });
}
