import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { MEMBER_ROLES, type MemberRole } from '@lc/shared';
import { errorField } from '../../../api/fieldError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useInviteMember } from '../hooks/useMembers';

export interface InviteMemberDialogProps {
  open: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

export function InviteMemberDialog({ open, onClose, onInvited }: InviteMemberDialogProps) {
  const t = useT();
  const invite = useInviteMember();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('staff');
  const badField = invite.isError ? errorField(invite.error) : undefined;
  const close = () => {
    invite.reset();
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { name: name.trim(), email: email.trim(), role },
      {
        onSuccess: (m) => {
          setName('');
          setEmail('');
          invite.reset();
          onInvited(m.email);
        },
      },
    );
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="invite-member-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="invite-member-title">{t('members.inviteTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('members.inviteIntro')}
            </Typography>
            {invite.isError && !badField && (
              <Alert severity="error">{apiErrorMessage(t, invite.error)}</Alert>
            )}
            <TextField
              name="name"
              label={t('members.field.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoFocus
              error={badField === 'name'}
              helperText={badField === 'name' ? apiErrorMessage(t, invite.error) : undefined}
            />
            <TextField
              name="email"
              type="email"
              label={t('members.field.email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              error={badField === 'email'}
              helperText={badField === 'email' ? apiErrorMessage(t, invite.error) : undefined}
            />
            <TextField
              select
              name="role"
              label={t('members.field.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as MemberRole)}
            >
              {MEMBER_ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`members.role.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('members.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={invite.isPending}
            disabled={!name.trim() || !email.trim()}
          >
            {t('members.inviteSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
