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
import { emailProblem, MEMBER_ROLES, PERSON_NAME_MAX, textProblem, type MemberRole } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
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
  const fieldMessage = (f: string) => (badField === f ? apiErrorMessage(t, invite.error) : undefined);
  const checks = useFieldChecks();
  const problems = {
    name: textProblem(name, { required: true, max: PERSON_NAME_MAX }),
    email: emailProblem(email),
  };
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
          checks.reset();
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
              {...checks.props('name', problems.name, fieldMessage('name'))}
            />
            <TextField
              name="email"
              type="email"
              label={t('members.field.email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              {...checks.props('email', problems.email, fieldMessage('email'))}
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
            disabled={problems.name !== null || problems.email !== null}
          >
            {t('members.inviteSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
