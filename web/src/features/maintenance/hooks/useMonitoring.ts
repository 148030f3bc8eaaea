import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaintenanceOperation } from '@lc/shared';
import {
  getMonitoredDevice,
  listMaintenanceCommands,
  listMaintenanceCustomers,
  listMonitoredDevices,
  queueMaintenanceCommand,
  type MonitoringQuery,
} from '../../../api/maintenance';

export const MONITORING_KEY = ['maintenance', 'devices'] as const;

/** A server-side page of the devices linked to this dealer. */
export function useMonitoredDevices(query: MonitoringQuery & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'page', query],
    queryFn: ({ signal }) => listMonitoredDevices(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMaintenanceCustomers() {
  return useQuery({
    queryKey: ['maintenance', 'customers'],
    queryFn: ({ signal }) => listMaintenanceCustomers(signal),
  });
}

export function useMonitoredDevice(id: string) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'detail', id],
    queryFn: ({ signal }) => getMonitoredDevice(id, signal),
  });
}

/** The command list is remote maintenance (SPEC §3): only asked for while the device is operable. */
export function useMaintenanceCommands(id: string, enabled = true) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'commands', id],
    queryFn: ({ signal }) => listMaintenanceCommands(id, signal),
    enabled,
  });
}

/** Queues a remote operation; refreshes the device's command list. */
export function useQueueMaintenanceCommand(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: MaintenanceOperation; at?: string; payload?: Record<string, unknown> }) =>
      queueMaintenanceCommand(id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...MONITORING_KEY, 'commands', id] }),
  });
}
