import type { Language, LoginResponse, SessionUser } from '@lc/shared';
import { apiRequest } from './client';

export function login(body: { login: string; password: string }): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body, anonymous: true });
}

export function logout(refreshToken: string): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', body: { refreshToken }, anonymous: true });
}

export function getMe(signal?: AbortSignal): Promise<SessionUser> {
  return apiRequest<SessionUser>('/auth/me', { signal });
}

export function updateMe(body: { language?: Language }): Promise<SessionUser> {
  return apiRequest<SessionUser>('/auth/me', { method: 'PATCH', body });
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiRequest<void>('/auth/change-password', { method: 'POST', body });
}
