import type {
  FolderView,
  Language,
  SharedPermissions,
  SharedUserView,
  StreamGrant,
  StreamMode,
} from '@lc/shared';
import { apiRequest } from './client';

/** Shared users, camera sharing, folders, favorites and stream grants (API.md "Core portal"). */

export function listSharedUsers(signal?: AbortSignal): Promise<SharedUserView[]> {
  return apiRequest<SharedUserView[]>('/shared-users', { signal });
}

export interface CreateSharedUserBody {
  name: string;
  email: string;
  language?: Language;
  permissions: SharedPermissions;
  cameraIds?: string[];
}

export function createSharedUser(body: CreateSharedUserBody): Promise<{ id: string; email: string }> {
  return apiRequest<{ id: string; email: string }>('/shared-users', { method: 'POST', body });
}

export function updateSharedUser(
  id: string,
  body: { name?: string; permissions?: SharedPermissions },
): Promise<SharedUserView> {
  return apiRequest<SharedUserView>(`/shared-users/${id}`, { method: 'PATCH', body });
}

export function setSharedUserCameras(id: string, cameraIds: string[]): Promise<SharedUserView> {
  return apiRequest<SharedUserView>(`/shared-users/${id}/cameras`, { method: 'PUT', body: { cameraIds } });
}

export function deleteSharedUser(id: string, password: string): Promise<void> {
  return apiRequest<void>(`/shared-users/${id}`, { method: 'DELETE', body: { password } });
}

export function getCameraSharing(cameraId: string, signal?: AbortSignal): Promise<{ userIds: string[] }> {
  return apiRequest<{ userIds: string[] }>(`/cameras/${cameraId}/shared-users`, { signal });
}

export function setCameraSharing(cameraId: string, userIds: string[]): Promise<{ userIds: string[] }> {
  return apiRequest<{ userIds: string[] }>(`/cameras/${cameraId}/shared-users`, {
    method: 'PUT',
    body: { userIds },
  });
}

export function requestStreamGrant(cameraId: string, mode: StreamMode): Promise<StreamGrant> {
  return apiRequest<StreamGrant>(`/cameras/${cameraId}/stream-grants`, { method: 'POST', body: { mode } });
}

export function listFolders(signal?: AbortSignal): Promise<FolderView[]> {
  return apiRequest<FolderView[]>('/folders', { signal });
}

export function createFolder(body: { name: string; parentId?: string | null }): Promise<FolderView> {
  return apiRequest<FolderView>('/folders', { method: 'POST', body });
}

export function renameFolder(id: string, name: string): Promise<FolderView> {
  return apiRequest<FolderView>(`/folders/${id}`, { method: 'PATCH', body: { name } });
}

export function deleteFolder(id: string): Promise<void> {
  return apiRequest<void>(`/folders/${id}`, { method: 'DELETE' });
}

export function fileDevices(folderId: string, deviceIds: string[]): Promise<FolderView> {
  return apiRequest<FolderView>(`/folders/${folderId}/devices`, { method: 'PUT', body: { deviceIds } });
}

export function unfileDevice(folderId: string, deviceId: string): Promise<void> {
  return apiRequest<void>(`/folders/${folderId}/devices/${deviceId}`, { method: 'DELETE' });
}

export function listFavorites(signal?: AbortSignal): Promise<{ cameraIds: string[] }> {
  return apiRequest<{ cameraIds: string[] }>('/favorites', { signal });
}

export function setFavorite(cameraId: string, on: boolean): Promise<void> {
  return apiRequest<void>(`/favorites/${cameraId}`, { method: on ? 'PUT' : 'DELETE' });
}
