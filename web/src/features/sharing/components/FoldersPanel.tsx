import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Link,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import { FOLDER_MAX_DEPTH, FOLDER_NAME_MAX, textProblem, type DeviceView, type FolderView } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useDevices } from '../../devices/hooks/useDevices';
import { devicePath } from '../../devices/paths';
import { deviceDisplayName } from '../../devices/tree';
import {
  useCreateFolder,
  useDeleteFolder,
  useFileDevice,
  useFolders,
  useRenameFolder,
} from '../hooks/useSharing';
import { flattenTree, folderOfDevice, folderTree } from '../folderTree';
import { sharingErrorKey } from '../refusal';

/**
 * The device tree's folders (seed 001 §4.4). The contract holder creates, renames and deletes
 * folders and files devices; a shared user sees the folders holding their cameras, read-only.
 */
export function FoldersPanel({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const folders = useFolders();
  const devices = useDevices({});
  const create = useCreateFolder();
  const rename = useRenameFolder();
  const del = useDeleteFolder();
  const file = useFileDevice();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<FolderView | null>(null);
  const [deviceId, setDeviceId] = useState('');
  const [target, setTarget] = useState('');
  const failed = create.error ?? rename.error ?? del.error ?? file.error;
  const checks = useFieldChecks();
  const nameProblem = textProblem(name, { required: true, max: FOLDER_NAME_MAX });
  const renameProblem = renaming
    ? textProblem(renaming.name, { required: true, max: FOLDER_NAME_MAX })
    : null;
  const message = (e: unknown) => {
    const k = sharingErrorKey(e);
    return k ? t(k) : apiErrorMessage(t, e);
  };
  if (!folders.data || !devices.data) return null;
  if (readOnly && folders.data.length === 0) return null;
  const nodes = flattenTree(folderTree(folders.data));
  const byId = new Map<string, DeviceView>(devices.data.map((d) => [d.id, d]));

  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="folders-panel">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('folders.title')}
        </Typography>
        {!readOnly && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {t('folders.intro')}
          </Typography>
        )}
        {failed && (
          <Alert
            severity="error"
            sx={{ mb: 1 }}
            onClose={() => [create, rename, del, file].forEach((m) => m.reset())}
          >
            {message(failed)}
          </Alert>
        )}
        {nodes.length === 0 && <Typography variant="body2">{t('folders.empty')}</Typography>}
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="folder-tree">
          {nodes.map(({ folder, depth }) => (
            <Box component="li" key={folder.id} sx={{ pl: (depth - 1) * 3, py: 0.25 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <FolderOutlined fontSize="small" color="action" />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {folder.name}
                </Typography>
                {!readOnly && (
                  <>
                    <Tooltip title={t('folders.rename')}>
                      <IconButton
                        size="small"
                        aria-label={`${t('folders.rename')}: ${folder.name}`}
                        onClick={() => setRenaming({ id: folder.id, name: folder.name })}
                      >
                        <EditOutlined fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('folders.delete')}>
                      <IconButton
                        size="small"
                        aria-label={`${t('folders.delete')}: ${folder.name}`}
                        onClick={() => setDeleting(folder)}
                      >
                        <DeleteOutline fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </>
                )}
              </Stack>
              <Box sx={{ pl: 3.5 }}>
                {folder.deviceIds.map((id) => {
                  const d = byId.get(id);
                  return d ? (
                    <Link
                      key={id}
                      component={RouterLink}
                      to={devicePath(id)}
                      variant="body2"
                      sx={{ display: 'block' }}
                    >
                      {deviceDisplayName(d)}
                    </Link>
                  ) : null;
                })}
              </Box>
            </Box>
          ))}
        </Box>
        {!readOnly && (
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                size="small"
                name="folderName"
                label={t('folders.name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                {...checks.props('folderName', nameProblem)}
              />
              <TextField
                select
                size="small"
                label={t('folders.parent')}
                value={parentId}
                onChange={(e) => setParentId(e.target.value)}
                sx={{ minWidth: 160 }}
              >
                <MenuItem value="">{t('folders.top')}</MenuItem>
                {nodes
                  .filter((n) => n.depth < FOLDER_MAX_DEPTH)
                  .map((n) => (
                    <MenuItem key={n.folder.id} value={n.folder.id}>
                      {'— '.repeat(n.depth - 1) + n.folder.name}
                    </MenuItem>
                  ))}
              </TextField>
              <Button
                variant="outlined"
                disabled={nameProblem !== null}
                loading={create.isPending}
                onClick={() =>
                  create.mutate(
                    { name: name.trim(), parentId: parentId || null },
                    { onSuccess: () => setName('') },
                  )
                }
              >
                {t('folders.create')}
              </Button>
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                select
                size="small"
                label={t('folders.device')}
                value={deviceId}
                onChange={(e) => {
                  setDeviceId(e.target.value);
                  setTarget(folderOfDevice(folders.data, e.target.value)?.id ?? '');
                }}
                sx={{ minWidth: 180 }}
              >
                {devices.data.map((d) => (
                  <MenuItem key={d.id} value={d.id}>
                    {deviceDisplayName(d)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                size="small"
                label={t('folders.folder')}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                sx={{ minWidth: 160 }}
              >
                <MenuItem value="">{t('folders.none')}</MenuItem>
                {nodes.map((n) => (
                  <MenuItem key={n.folder.id} value={n.folder.id}>
                    {'— '.repeat(n.depth - 1) + n.folder.name}
                  </MenuItem>
                ))}
              </TextField>
              <Button
                variant="outlined"
                disabled={!deviceId}
                loading={file.isPending}
                onClick={() =>
                  file.mutate({
                    deviceId,
                    folderId: target || null,
                    fromFolderId: folderOfDevice(folders.data, deviceId)?.id ?? null,
                  })
                }
              >
                {t('folders.apply')}
              </Button>
            </Stack>
          </Stack>
        )}
      </CardContent>
      {renaming && (
        <Dialog open onClose={() => setRenaming(null)} aria-labelledby="rename-folder-title">
          <DialogTitle id="rename-folder-title">{t('folders.rename')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              sx={{ mt: 1 }}
              name="renameFolder"
              label={t('folders.name')}
              value={renaming.name}
              onChange={(e) => setRenaming({ ...renaming, name: e.target.value })}
              {...checks.props('renameFolder', renameProblem)}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRenaming(null)}>{t('sharing.cancel')}</Button>
            <Button
              variant="contained"
              disabled={renameProblem !== null}
              loading={rename.isPending}
              onClick={() =>
                rename.mutate(
                  { id: renaming.id, name: renaming.name.trim() },
                  { onSettled: () => setRenaming(null) },
                )
              }
            >
              {t('sharing.save')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {deleting && (
        <Dialog open onClose={() => setDeleting(null)} aria-labelledby="delete-folder-title">
          <DialogTitle id="delete-folder-title">
            {t('folders.deleteTitle', { name: deleting.name })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText>{t('folders.deleteBody')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(null)}>{t('sharing.cancel')}</Button>
            <Button
              color="error"
              variant="contained"
              loading={del.isPending}
              onClick={() => del.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
            >
              {t('folders.delete')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Card>
  );
}
