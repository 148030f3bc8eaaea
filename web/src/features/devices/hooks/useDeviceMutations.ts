import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  cancelFirmwareReservation,
  createCommand,
  deleteDevice,
  exchangeDevice,
  getDeletionImpact,
  listCommands,
  transferLicense,
  updateCamera,
  type CommandBody,
  type ExchangeBody,
  type TransferBody,
} from '../../../api/devices';
import { DEVICES_KEY } from './useDevices';

/** Everything a binding change can touch: the tree, devices, cameras and the license list/pool. */
function invalidateTree(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: DEVICES_KEY });
  void qc.invalidateQueries({ queryKey: ['customer-licenses'] });
}

export function useUpdateCamera(cameraId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; doNotLicense?: boolean }) => updateCamera(cameraId, body),
    onSuccess: () => invalidateTree(qc),
  });
}

export function useTransferLicense() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ licenseId, ...body }: TransferBody & { licenseId: string }) =>
      transferLicense(licenseId, body),
    onSuccess: () => invalidateTree(qc),
  });
}

/** What deleting the device forfeits; loaded when the dialog opens. */
export function useDeletionImpact(deviceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...DEVICES_KEY, 'deletion-impact', deviceId],
    queryFn: ({ signal }) => getDeletionImpact(deviceId, signal),
    enabled,
    staleTime: 0,
  });
}

export function useDeleteDevice(deviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => deleteDevice(deviceId, password),
    onSuccess: () => invalidateTree(qc),
  });
}

export function useExchangeDevice(deviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExchangeBody) => exchangeDevice(deviceId, body),
    onSuccess: () => invalidateTree(qc),
  });
}

export const commandsKey = (deviceId: string) => [...DEVICES_KEY, 'commands', deviceId] as const;

/** The device's commands, newest first; polled while one is still on its way. */
export function useCommands(deviceId: string, enabled = true) {
  return useQuery({
    queryKey: commandsKey(deviceId),
    queryFn: ({ signal }) => listCommands(deviceId, signal),
    enabled,
    refetchInterval: (q) =>
      q.state.data?.some((c) => c.status === 'pending' || c.status === 'delivered') ? 5_000 : false,
  });
}

export function useCreateCommand(deviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommandBody) => createCommand(deviceId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: commandsKey(deviceId) }),
  });
}

/** Cancels the device's firmware-update reservation; refreshes its command list. */
export function useCancelFirmwareReservation(deviceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => cancelFirmwareReservation(deviceId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: commandsKey(deviceId) }),
  });
}
