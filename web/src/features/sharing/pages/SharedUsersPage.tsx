import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
} from '@mui/material';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { SHARED_PERMISSION_KEYS, type SharedUserView } from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { DeleteSharedUserDialog } from '../components/DeleteSharedUserDialog';
import { SharedUserDialog } from '../components/SharedUserDialog';
import { useSharedUsers } from '../hooks/useSharing';

/** The contract holder's shared users: invite, edit permissions and cameras, delete (seed 001 §4.3). */
export function SharedUsersPage() {
  const t = useT();
  const user = useCurrentUser();
  const users = useSharedUsers();
  const [editing, setEditing] = useState<SharedUserView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SharedUserView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const proxy = !!user.proxy;

  return (
    <Box>
      <PageHeader
        title={t('sharing.title')}
        subtitle={t('sharing.subtitle')}
        actions={
          <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setEditing('new')}>
            {t('sharing.add')}
          </Button>
        }
      />
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <QueryTablePanel
        query={users}
        refetchBar={false}
        loadingRows={4}
        emptyIcon={<GroupOutlined fontSize="inherit" />}
        emptyText={t('sharing.empty')}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" data-testid="shared-users-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('sharing.col.name')}</TableCell>
                  <TableCell>{t('sharing.col.email')}</TableCell>
                  <TableCell>{t('sharing.col.permissions')}</TableCell>
                  <TableCell>{t('sharing.col.cameras')}</TableCell>
                  <TableCell>{t('sharing.col.status')}</TableCell>
                  <TableCell align="right">{t('sharing.col.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((u) => (
                  <TableRow key={u.id} hover>
                    <TableCell>{u.name}</TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                        <Chip size="small" label={t('sharing.perm.live')} />
                        {SHARED_PERMISSION_KEYS.filter((k) => u.permissions[k]).map((k) => (
                          <Chip key={k} size="small" label={t(`sharing.perm.${k}`)} />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell>{t('sharing.cameraCount', { count: u.cameraIds.length })}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={u.status === 'invited' ? 'warning' : 'success'}
                        label={t(`sharing.status.${u.status}`)}
                      />
                    </TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => setEditing(u)}>
                        {t('sharing.edit')}
                      </Button>
                      <Tooltip title={proxy ? t('sharing.proxyDelete') : ''}>
                        <span>
                          <Button color="error" size="small" disabled={proxy} onClick={() => setDeleting(u)}>
                            {t('sharing.delete')}
                          </Button>
                        </span>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      {editing && (
        <SharedUserDialog
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onDone={(msg) => {
            setEditing(null);
            setNotice(msg);
          }}
        />
      )}
      {deleting && (
        <DeleteSharedUserDialog
          user={deleting}
          onClose={() => setDeleting(null)}
          onDone={(msg) => {
            setDeleting(null);
            setNotice(msg);
          }}
        />
      )}
    </Box>
  );
}
