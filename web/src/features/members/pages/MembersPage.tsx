import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { ErrorCode, type MemberRole, type MemberView } from '@lc/shared';
import { isApiError } from '../../../api/ApiError';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { InviteMemberDialog } from '../components/InviteMemberDialog';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useChangeMemberRole, useMembers, useRemoveMember } from '../hooks/useMembers';
import { memberActions } from '../memberActions';

export function MembersPage() {
  const t = useT();
  const members = useMembers();
  const user = useCurrentUser();
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const failed = changeRole.error ?? remove.error;
  const failure =
    failed === null
      ? null
      : isApiError(failed) && failed.code === ErrorCode.LAST_OWNER
        ? t('members.lastOwner')
        : apiErrorMessage(t, failed);

  return (
    <Box>
      <PageHeader
        title={t('members.title')}
        subtitle={t('members.subtitle')}
        actions={
          <Button variant="contained" startIcon={<PersonAdd />} onClick={() => setInviting(true)}>
            {t('members.invite')}
          </Button>
        }
      />
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert
          severity="error"
          onClose={() => {
            changeRole.reset();
            remove.reset();
          }}
          sx={{ mb: 2 }}
        >
          {failure}
        </Alert>
      )}
      <QueryTablePanel
        query={members}
        refetchBar={false}
        loadingRows={4}
        emptyIcon={<BadgeOutlined fontSize="inherit" />}
        emptyText={t('members.empty')}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('members.col.name')}</TableCell>
                  <TableCell>{t('members.col.email')}</TableCell>
                  <TableCell>{t('members.col.role')}</TableCell>
                  <TableCell>{t('members.col.status')}</TableCell>
                  <TableCell align="right">{t('members.col.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((m) => {
                  const can = memberActions(user, m);
                  return (
                    <TableRow key={m.id} hover>
                      <TableCell>{m.name}</TableCell>
                      <TableCell>{m.email}</TableCell>
                      <TableCell>
                        {!can.canChangeRole ? (
                          t(`members.role.${m.role}`)
                        ) : (
                          <TextField
                            select
                            size="small"
                            variant="standard"
                            value={m.role}
                            onChange={(e) => {
                              remove.reset();
                              changeRole.mutate({ id: m.id, role: e.target.value as MemberRole });
                            }}
                            slotProps={{
                              htmlInput: { 'aria-label': t('members.changeRole', { name: m.name }) },
                            }}
                          >
                            {can.roles.map((r) => (
                              <MenuItem key={r} value={r}>
                                {t(`members.role.${r}`)}
                              </MenuItem>
                            ))}
                          </TextField>
                        )}
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          variant="outlined"
                          color={m.status === 'invited' ? 'warning' : 'success'}
                          label={t(`members.status.${m.status}`)}
                        />
                      </TableCell>
                      <TableCell align="right">
                        {can.canRemove && (
                          <Button color="error" size="small" onClick={() => setRemoving(m)}>
                            {t('members.remove')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      <InviteMemberDialog
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(email) => {
          setInviting(false);
          setNotice(t('members.invited', { email }));
        }}
      />
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        aria-labelledby="remove-member-title"
      >
        <DialogTitle id="remove-member-title">
          {t('members.removeTitle', { name: removing?.name ?? '' })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{t('members.removeBody', { name: removing?.name ?? '' })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)}>{t('members.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            loading={remove.isPending}
            onClick={() => {
              if (!removing) return;
              changeRole.reset();
              remove.mutate(removing.id, { onSettled: () => setRemoving(null) });
            }}
          >
            {t('members.remove')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
