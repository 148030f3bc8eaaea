import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  listConnectionHistory,
  listDeviceLogs,
  searchEvents,
  type ConnectionHistoryQuery,
  type DeviceLogQuery,
  type EventQuery,
} from '../../../api/devices';
import { DEVICES_KEY } from './useDevices';

/** Connection history of one device, or of every device of the customer (`deviceId` absent). */
export function useConnectionHistory(deviceId: string | undefined, query: ConnectionHistoryQuery) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'connection-history', deviceId ?? 'all', query],
    queryFn: ({ signal }) => listConnectionHistory(deviceId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeviceLogs(deviceId: string, query: DeviceLogQuery) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'logs', deviceId, query],
    queryFn: ({ signal }) => listDeviceLogs(deviceId, query, signal),
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
