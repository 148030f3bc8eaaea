import { apiRequest } from './client';

/** `GET /api/config/public`: what the console needs before anyone signs in. */
export interface PublicConfig {
  appEnv: string;
  /** Dev-only tools (mailbox, clock, job triggers) are available. */
  devSurface: boolean;
  idleTimeoutMinutes: number;
}

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return apiRequest<PublicConfig>('/config/public', { signal, anonymous: true });
}
