import { describe, expect, it } from 'vitest';
import type { FolderView } from '@lc/shared';
import { flattenTree, folderOfDevice, folderTree } from './folderTree';

const f = (id: string, name: string, parentId: string | null, deviceIds: string[] = []): FolderView => ({
  id,
  name,
  parentId,
  deviceIds,
});

describe('folderTree', () => {
  it('nests children under parents, sorted by name, with depths', () => {
    const tree = folderTree([
      f('c', 'Room', 'b'),
      f('b', 'Floor', 'a'),
      f('a', 'Site', null),
      f('z', 'Annex', null),
    ]);
    expect(flattenTree(tree).map((n) => [n.folder.id, n.depth])).toEqual([
      ['z', 1],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
  it('treats a folder whose parent is not visible as a root', () => {
    expect(folderTree([f('b', 'Floor', 'hidden')]).map((n) => n.folder.id)).toEqual(['b']);
  });
  it('finds the folder of a device', () => {
    const all = [f('a', 'A', null, ['d1']), f('b', 'B', null, ['d2'])];
    expect(folderOfDevice(all, 'd2')?.id).toBe('b');
    expect(folderOfDevice(all, 'd3')).toBeUndefined();
  });
});
