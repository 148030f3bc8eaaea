import type { FolderView } from '@lc/shared';

export interface FolderNode {
  folder: FolderView;
  depth: number;
  children: FolderNode[];
}

/** Folders as a tree (roots first, children by name); orphans (parent not visible) become roots. */
export function folderTree(folders: readonly FolderView[]): FolderNode[] {
  const ids = new Set(folders.map((f) => f.id));
  const build = (parentId: string | null, depth: number): FolderNode[] =>
    folders
      .filter((f) =>
        parentId === null ? f.parentId === null || !ids.has(f.parentId) : f.parentId === parentId,
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((f) => ({ folder: f, depth, children: build(f.id, depth + 1) }));
  return build(null, 1);
}

/** Depth-first list (for selects and indented rendering). */
export function flattenTree(nodes: readonly FolderNode[]): FolderNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The folder holding a device, if any. */
export function folderOfDevice(folders: readonly FolderView[], deviceId: string): FolderView | undefined {
  return folders.find((f) => f.deviceIds.includes(deviceId));
}
