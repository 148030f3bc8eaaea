import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharedPermissions, StreamMode } from '@lc/shared';
import {
  createFolder,
  createSharedUser,
  deleteFolder,
  deleteSharedUser,
  fileDevices,
  getCameraSharing,
  listFavorites,
  listFolders,
  listSharedUsers,
  renameFolder,
  requestStreamGrant,
  setCameraSharing,
  setFavorite,
  setSharedUserCameras,
  unfileDevice,
  updateSharedUser,
  type CreateSharedUserBody,
} from '../../../api/sharing';

export const SHARED_USERS_KEY = ['shared-users'] as const;
export const FOLDERS_KEY = ['folders'] as const;
export const FAVORITES_KEY = ['favorites'] as const;

/** The contract holder's shared users (`GET /api/shared-users`). */
export function useSharedUsers(enabled = true) {
  return useQuery({ queryKey: SHARED_USERS_KEY, queryFn: ({ signal }) => listSharedUsers(signal), enabled });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>, keys: ReadonlyArray<readonly string[]>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: k }))),
  });
}

export function useCreateSharedUser() {
  return useInvalidating((b: CreateSharedUserBody) => createSharedUser(b), [SHARED_USERS_KEY]);
}

export function useUpdateSharedUser() {
  return useInvalidating(
    async (v: { id: string; name: string; permissions: SharedPermissions; cameraIds: string[] }) => {
      await updateSharedUser(v.id, { name: v.name, permissions: v.permissions });
      return setSharedUserCameras(v.id, v.cameraIds);
    },
    [SHARED_USERS_KEY, ['camera-sharing']],
  );
}

export function useDeleteSharedUser() {
  return useInvalidating(
    (v: { id: string; password: string }) => deleteSharedUser(v.id, v.password),
    [SHARED_USERS_KEY],
  );
}

export function useCameraSharing(cameraId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['camera-sharing', cameraId],
    queryFn: ({ signal }) => getCameraSharing(cameraId, signal),
    enabled,
  });
}

export function useSetCameraSharing(cameraId: string) {
  return useInvalidating(
    (userIds: string[]) => setCameraSharing(cameraId, userIds),
    [['camera-sharing'], SHARED_USERS_KEY],
  );
}

export function useStreamGrant(cameraId: string) {
  return useMutation({ mutationFn: (mode: StreamMode) => requestStreamGrant(cameraId, mode) });
}

export function useFolders() {
  return useQuery({ queryKey: FOLDERS_KEY, queryFn: ({ signal }) => listFolders(signal) });
}

export function useCreateFolder() {
  return useInvalidating((b: { name: string; parentId: string | null }) => createFolder(b), [FOLDERS_KEY]);
}

export function useRenameFolder() {
  return useInvalidating((v: { id: string; name: string }) => renameFolder(v.id, v.name), [FOLDERS_KEY]);
}

export function useDeleteFolder() {
  return useInvalidating((id: string) => deleteFolder(id), [FOLDERS_KEY]);
}

export function useFileDevice() {
  return useInvalidating(
    async (v: { deviceId: string; folderId: string | null; fromFolderId: string | null }): Promise<void> => {
      if (v.folderId) await fileDevices(v.folderId, [v.deviceId]);
      else if (v.fromFolderId) await unfileDevice(v.fromFolderId, v.deviceId);
    },
    [FOLDERS_KEY],
  );
}

export function useFavorites() {
  return useQuery({ queryKey: FAVORITES_KEY, queryFn: ({ signal }) => listFavorites(signal) });
}

export function useSetFavorite() {
  return useInvalidating(
    (v: { cameraId: string; on: boolean }) => setFavorite(v.cameraId, v.on),
    [FAVORITES_KEY],
  );
}
