import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  CardActions,
  CardContent,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import NoAccountsOutlined from '@mui/icons-material/NoAccountsOutlined';
import {
  DEACTIVATION_COMMENT_MAX,
  DEACTIVATION_REASONS,
  deactivationConfirmed,
  type DeactivationReason,
} from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from '../../auth/components/PasswordField';
import { useCurrentUser, useSession } from '../../auth/hooks/useSession';
import { useDeactivateAccount, useDeactivationImpact } from '../hooks/useDeactivation';

const DEACTIVATED_LOGIN = '/login?reason=deactivated';

/**
 * The contract holder ends the account (SPEC §2, §8): the dialog shows what is lost, takes the
 * optional questionnaire, the password and the e-mail address typed as confirmation.
 * Not available inside a proxy session.
 */
export function DeactivateAccountCard() {
  const t = useT();
  const user = useCurrentUser();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const impact = useDeactivationImpact(open);
  const deactivate = useDeactivateAccount();
  const [reasons, setReasons] = useState<DeactivationReason[]>([]);
  const [comment, setComment] = useState('');
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const inProxy = Boolean(user.proxy);

  const close = () => {
    setOpen(false);
    setPassword('');
    setTyped('');
    deactivate.reset();
  };
  const toggle = (r: DeactivationReason) =>
    setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const confirmed = deactivationConfirmed(typed, user.email);
  const commentTooLong = comment.length > DEACTIVATION_COMMENT_MAX;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed || !password || commentTooLong) return;
    deactivate.mutate(
      {
        password,
        ...(reasons.length ? { reasons } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      {
        // Sign out, then load the login page afresh with the notice: the account no longer
        // exists, so nothing of this session (queries, redirects back) may survive.
        onSuccess: () =>
          void session.signOut('deactivated').finally(() => window.location.replace(DEACTIVATED_LOGIN)),
      },
    );
  };

  return (
    <Card sx={{ mt: 3, borderColor: 'error.main' }} variant="outlined" data-testid="deactivate-card">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1, color: 'error.main' }}>
          {t('account.deactivate.title')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('account.deactivate.intro')}
        </Typography>
        {inProxy && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('account.deactivate.proxy')}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button
          variant="outlined"
          color="error"
          startIcon={<NoAccountsOutlined />}
          onClick={() => setOpen(true)}
          disabled={inProxy}
        >
          {t('account.deactivate.button')}
        </Button>
      </CardActions>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="deactivate-title">
        <form noValidate onSubmit={onSubmit}>
          <DialogTitle id="deactivate-title">{t('account.deactivate.title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {impact.isPending && (
                <CircularProgress size={24} aria-label={t('account.deactivate.loading')} />
              )}
              {impact.isError && <Alert severity="error">{apiErrorMessage(t, impact.error)}</Alert>}
              {impact.data && (
                <Alert severity="warning" data-testid="deactivate-impact">
                  <Typography variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
                    {t('account.deactivate.lossTitle')}
                  </Typography>
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    <li>
                      {t('account.deactivate.lossDevices', {
                        devices: impact.data.devices,
                        cameras: impact.data.cameras,
                      })}
                    </li>
                    <li>
                      {t('account.deactivate.lossLicenses', {
                        licenses: impact.data.licenses,
                        days: impact.data.daysForfeited,
                      })}
                    </li>
                    <li>{t('account.deactivate.lossShared', { n: impact.data.sharedUsers })}</li>
                    <li>{t('account.deactivate.lossSignIn')}</li>
                  </ul>
                </Alert>
              )}
              {deactivate.isError && <Alert severity="error">{apiErrorMessage(t, deactivate.error)}</Alert>}
              <FormGroup>
                <FormLabel component="legend">{t('account.deactivate.reasons')}</FormLabel>
                {DEACTIVATION_REASONS.map((r) => (
                  <FormControlLabel
                    key={r}
                    control={<Checkbox checked={reasons.includes(r)} onChange={() => toggle(r)} name={r} />}
                    label={t(`account.deactivate.reason.${r}`)}
                  />
                ))}
              </FormGroup>
              <TextField
                name="comment"
                label={t('account.deactivate.comment')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                multiline
                minRows={2}
                error={commentTooLong}
                helperText={`${comment.length} / ${DEACTIVATION_COMMENT_MAX}`}
              />
              <PasswordField
                name="password"
                label={t('account.changeEmail.password')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                required
              />
              <TextField
                name="confirmEmail"
                label={t('account.deactivate.confirm', { email: user.email })}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoComplete="off"
                required
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{t('account.profile.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              color="error"
              loading={deactivate.isPending}
              disabled={!password || !confirmed || commentTooLong || !impact.data}
            >
              {t('account.deactivate.submit')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Card>
  );
}
