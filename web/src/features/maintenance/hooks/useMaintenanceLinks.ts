import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createMaintenanceLink,
  deleteMaintenanceLink,
  listMaintenanceLinks,
  listMyDevices,
} from '../../../api/maintenance';

export const LINKS_KEY = ['maintenance-links'] as const;

/** The customer's links to maintaining dealers. */
export function useMaintenanceLinks() {
  return useQuery({ queryKey: LINKS_KEY, queryFn: ({ signal }) => listMaintenanceLinks(signal) });
}

export function useMyDevicesForLinking() {
  return useQuery({
    queryKey: ['maintenance-links', 'devices'],
    queryFn: ({ signal }) => listMyDevices(signal),
  });
}

export function useCreateMaintenanceLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createMaintenanceLink,
    onSuccess: () => void qc.invalidateQueries({ queryKey: LINKS_KEY }),
  });
}

export function useDeleteMaintenanceLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteMaintenanceLink,
    onSuccess: () => void qc.invalidateQueries({ queryKey: LINKS_KEY }),
  });
}
