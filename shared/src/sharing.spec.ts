import { describe, expect, it } from '@jest/globals';
import {
  folderDepth,
  foldersVisibleTo,
  NO_SHARED_PERMISSIONS,
  parseStreamGrant,
  sharedUserMay,
  type FolderView,
  type SharedPermissions,
  type StreamMode,
} from './sharing.js';

describe('sharedUserMay', () => {
  const all: SharedPermissions = {
    playback: true,
    download: true,
    cameraControl: true,
    eventSearch: true,
    cameraSettings: true,
  };
  it.each<[StreamMode, SharedPermissions, boolean]>([
    ['live', NO_SHARED_PERMISSIONS, true],
    ['playback', NO_SHARED_PERMISSIONS, false],
    ['playback', { ...NO_SHARED_PERMISSIONS, playback: true }, true],
    ['download', { ...NO_SHARED_PERMISSIONS, playback: true }, false],
    ['download', { ...NO_SHARED_PERMISSIONS, download: true }, true],
    ['control', { ...NO_SHARED_PERMISSIONS, cameraSettings: true }, false],
    ['control', all, true],
  ])('%s with %j → %s', (mode, perms, ok) => {
    expect(sharedUserMay(perms, mode)).toBe(ok);
  });
});

describe('folderDepth', () => {
  const parents = new Map<string, string | null>([
    ['a', null],
    ['b', 'a'],
    ['c', 'b'],
    ['x', 'y'],
    ['l1', 'l2'],
    ['l2', 'l1'],
  ]);
  it.each<[string, number | null]>([
    ['a', 1],
    ['b', 2],
    ['c', 3],
    ['x', null],
    ['l1', null],
    ['nope', null],
  ])('%s → %s', (id, d) => expect(folderDepth(id, parents)).toBe(d));
});

describe('foldersVisibleTo', () => {
  const folders: FolderView[] = [
    { id: 'top', name: 'Top', parentId: null, deviceIds: ['d0'] },
    { id: 'mid', name: 'Mid', parentId: 'top', deviceIds: [] },
    { id: 'leaf', name: 'Leaf', parentId: 'mid', deviceIds: ['d1', 'd2'] },
    { id: 'other', name: 'Other', parentId: null, deviceIds: ['d3'] },
  ];
  it('keeps folders holding a visible device and their ancestors, hiding other devices', () => {
    expect(foldersVisibleTo(folders, new Set(['d1']))).toEqual([
      { id: 'top', name: 'Top', parentId: null, deviceIds: [] },
      { id: 'mid', name: 'Mid', parentId: 'top', deviceIds: [] },
      { id: 'leaf', name: 'Leaf', parentId: 'mid', deviceIds: ['d1'] },
    ]);
  });
  it('shows nothing when nothing is shared', () => {
    expect(foldersVisibleTo(folders, new Set())).toEqual([]);
  });
});

describe('parseStreamGrant', () => {
  const payload = { typ: 'stream-grant', cameraId: 'c', mode: 'live' };
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it.each<[string, boolean]>([
    [`${enc(payload)}.c2ln`, true],
    [`${enc({ ...payload, typ: 'other' })}.c2ln`, false],
    [enc(payload), false],
    ['not-base64!.x', false],
    ['', false],
  ])('%s → %s', (token, ok) => expect(parseStreamGrant(token) !== null).toBe(ok));
});
