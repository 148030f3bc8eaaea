/**
 * What a camera may do with and without a valid license (SPEC §3). One pure function: the
 * device services sign it into entitlements, the portal explains it.
 */
export const CAPABILITY_KEYS = [
  'hdmiLive',
  'hdmiPlayback',
  'hdmiEvents',
  'sdExport',
  'edgeRecording',
  'remoteLive',
  'remotePlayback',
  'remoteNotification',
  'remoteMaintenance',
] as const;
export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];

export interface Capabilities {
  hdmiLive: boolean;
  hdmiPlayback: boolean;
  hdmiEvents: boolean;
  sdExport: boolean;
  edgeRecording: boolean;
  remoteLive: boolean;
  remotePlayback: boolean;
  remoteNotification: boolean;
  remoteMaintenance: boolean;
}

/** The §3 matrix. Keys are built in the order of CAPABILITY_KEYS (the signed JSON relies on it). */
export function capabilitiesFor(licensed: boolean): Capabilities {
  return {
    hdmiLive: true,
    hdmiPlayback: true,
    hdmiEvents: true,
    sdExport: true,
    edgeRecording: licensed,
    remoteLive: licensed,
    remotePlayback: licensed,
    remoteNotification: licensed,
    remoteMaintenance: licensed,
  };
}

export interface CapabilityDescription {
  key: CapabilityKey;
  /** Still available when the camera's license has lapsed. */
  keptWhenLapsed: boolean;
  label: { ja: string; en: string };
}

/** The §3 table for the UI ("why is this unavailable?"). */
export const CAPABILITY_DESCRIPTIONS: readonly CapabilityDescription[] = [
  {
    key: 'hdmiLive',
    keptWhenLapsed: true,
    label: { ja: 'レコーダーのHDMIモニターでのライブ映像', en: 'Live view on the recorder HDMI monitor' },
  },
  {
    key: 'hdmiPlayback',
    keptWhenLapsed: true,
    label: { ja: 'HDMIモニターでの再生・検索', en: 'Playback and search on the HDMI monitor' },
  },
  {
    key: 'hdmiEvents',
    keptWhenLapsed: true,
    label: { ja: 'HDMIモニターでのイベント通知', en: 'Event notification on the HDMI monitor' },
  },
  {
    key: 'sdExport',
    keptWhenLapsed: true,
    label: { ja: 'SDカード録画のPCへのコピー', en: 'Copying SD-card recordings to a PC' },
  },
  {
    key: 'edgeRecording',
    keptWhenLapsed: false,
    label: { ja: 'エッジ録画（レコーダー／SDカード）', en: 'Edge recording (recorder / SD card)' },
  },
  {
    key: 'remoteLive',
    keptWhenLapsed: false,
    label: {
      ja: 'リモートでのライブ映像・カメラ操作・ダウンロード',
      en: 'Remote live view, camera control, download',
    },
  },
  {
    key: 'remotePlayback',
    keptWhenLapsed: false,
    label: { ja: 'リモートでの再生・検索', en: 'Remote playback and search' },
  },
  {
    key: 'remoteNotification',
    keptWhenLapsed: false,
    label: {
      ja: 'リモートでのイベント通知（メール・プッシュ）',
      en: 'Remote event notification (e-mail, push)',
    },
  },
  {
    key: 'remoteMaintenance',
    keptWhenLapsed: false,
    label: {
      ja: 'リモートメンテナンス（機器情報・操作）',
      en: 'Remote maintenance (device info, operations)',
    },
  },
];
