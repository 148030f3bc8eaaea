import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { ChangeDiffTable } from '../../../app/components/ChangeDiffTable';
import Add from '@mui/icons-material/Add';
import ArrowBack from '@mui/icons-material/ArrowBack';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/Edit';
import { MAINTENANCE_CONTACTS_MAX, type MaintenanceContacts } from '@lc/shared';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { useMaintenanceContacts, useSaveMaintenanceContacts } from '../hooks/useMaintenanceContacts';
import { contactsProblems, type ContactsDraft } from '../contactsDraft';
import { maintenanceErrorMessage } from '../maintenanceText';

/** Maintenance-contact e-mails (≤ 5) and phone, edited with a confirmation step (seed 004 STEP4). */
export function MaintenanceContactsPage() {
  const t = useT();
  const contacts = useMaintenanceContacts();
  const save = useSaveMaintenanceContacts();
  const [draft, setDraft] = useState<ContactsDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const checks = useFieldChecks();

  const back = (
    <Button component={RouterLink} to="/maintenance" startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('maintenance.contacts.back')}
    </Button>
  );
  if (contacts.isPending) return <LoadingRows rows={4} />;
  if (contacts.isError) {
    return (
      <Box>
        {back}
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      </Box>
    );
  }
  const current: MaintenanceContacts = contacts.data;
  const clean = draft
    ? { emails: draft.emails.map((e) => e.trim()).filter(Boolean), phone: draft.phone.trim() }
    : null;
  const emailsChanged = clean ? clean.emails.join('\n') !== current.emails.join('\n') : false;
  const phoneChanged = clean ? clean.phone !== (current.phone ?? '') : false;
  const problems = draft ? contactsProblems({ emails: clean!.emails, phone: clean!.phone }) : null;
  const valid = problems ? problems.emails.every((p) => p === null) && problems.phone === null : false;
  const shownProblems = draft ? contactsProblems(draft) : null;

  const close = () => {
    setDraft(null);
    setConfirming(false);
    checks.reset();
    save.reset();
  };
  const submit = () => {
    if (!clean) return;
    save.mutate(
      { emails: clean.emails, ...(phoneChanged ? { phone: clean.phone } : {}) },
      {
        onSuccess: () => {
          close();
          setSaved(true);
        },
        onError: () => setConfirming(false),
      },
    );
  };
  const list = (emails: string[]) => (emails.length ? emails.join('\n') : t('maintenance.contacts.empty'));

  return (
    <Box>
      {back}
      <PageHeader title={t('maintenance.contacts.title')} subtitle={t('maintenance.contacts.subtitle')} />
      {saved && (
        <Alert severity="success" role="status" onClose={() => setSaved(false)} sx={{ mb: 2 }}>
          {t('maintenance.contacts.saved')}
        </Alert>
      )}
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle2" sx={{ color: 'text.secondary' }}>
            {t('maintenance.contacts.phone')}
          </Typography>
          <Typography sx={{ mb: 2 }} data-testid="maintenance-phone">
            {current.phone ?? t('maintenance.contacts.empty')}
          </Typography>
          <Typography variant="subtitle2" sx={{ color: 'text.secondary' }}>
            {t('maintenance.contacts.emails')}
          </Typography>
          {current.emails.length === 0 ? (
            <Typography sx={{ color: 'text.secondary' }}>{t('maintenance.contacts.none')}</Typography>
          ) : (
            <Box component="ol" sx={{ m: 0, pl: 3 }} data-testid="maintenance-emails">
              {current.emails.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </Box>
          )}
        </CardContent>
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button
            variant="outlined"
            startIcon={<Edit />}
            onClick={() => {
              setSaved(false);
              setDraft({
                emails: current.emails.length ? [...current.emails] : [''],
                phone: current.phone ?? '',
              });
            }}
          >
            {t('maintenance.contacts.edit')}
          </Button>
        </CardActions>
      </Card>

      <Dialog open={draft !== null} onClose={close} fullWidth maxWidth="sm" aria-labelledby="contacts-title">
        <DialogTitle id="contacts-title">
          {confirming ? t('maintenance.contacts.confirmTitle') : t('maintenance.contacts.editTitle')}
        </DialogTitle>
        <DialogContent>
          {save.isError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {maintenanceErrorMessage(t, save.error)}
            </Alert>
          )}
          {draft && !confirming && (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField
                name="phone"
                label={t('maintenance.contacts.phone')}
                value={draft.phone}
                onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
                required
                {...checks.props('phone', shownProblems!.phone)}
              />
              {draft.emails.map((email, i) => {
                const p = shownProblems!.emails[i] ?? null;
                const duplicate = p?.kind === 'duplicate';
                const fieldChecks = checks.props(`email-${i}`, duplicate ? null : p);
                return (
                  <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                    <TextField
                      fullWidth
                      type="email"
                      name={`email-${i}`}
                      label={t('maintenance.contacts.email', { n: i + 1 })}
                      value={email}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          emails: draft.emails.map((x, j) => (j === i ? e.target.value : x)),
                        })
                      }
                      {...fieldChecks}
                      error={duplicate || fieldChecks.error}
                      helperText={duplicate ? t('maintenance.error.duplicate') : fieldChecks.helperText}
                    />
                    <IconButton
                      aria-label={t('maintenance.contacts.remove', { n: i + 1 })}
                      onClick={() => setDraft({ ...draft, emails: draft.emails.filter((_, j) => j !== i) })}
                      sx={{ mt: 1 }}
                    >
                      <DeleteOutlined />
                    </IconButton>
                  </Box>
                );
              })}
              <Box>
                <Button
                  startIcon={<Add />}
                  disabled={draft.emails.length >= MAINTENANCE_CONTACTS_MAX}
                  onClick={() => setDraft({ ...draft, emails: [...draft.emails, ''] })}
                >
                  {t('maintenance.contacts.add')}
                </Button>
                {draft.emails.length >= MAINTENANCE_CONTACTS_MAX && (
                  <Typography variant="caption" sx={{ color: 'text.secondary', ml: 1 }}>
                    {t('maintenance.contacts.limitReached')}
                  </Typography>
                )}
              </Box>
              {!emailsChanged && !phoneChanged && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('maintenance.contacts.noChanges')}
                </Typography>
              )}
            </Stack>
          )}
          {clean && confirming && (
            <ChangeDiffTable
              data-testid="contacts-diff"
              preLine
              intro={t('maintenance.contacts.confirmIntro')}
              beforeLabel={t('maintenance.contacts.before')}
              afterLabel={t('maintenance.contacts.after')}
              rows={[
                ...(phoneChanged
                  ? [
                      {
                        key: 'phone',
                        label: t('maintenance.contacts.phone'),
                        before: current.phone ?? t('maintenance.contacts.empty'),
                        after: clean.phone,
                      },
                    ]
                  : []),
                ...(emailsChanged
                  ? [
                      {
                        key: 'emails',
                        label: t('maintenance.contacts.emails'),
                        before: list(current.emails),
                        after: list(clean.emails),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </DialogContent>
        <DialogActions>
          {confirming ? (
            <>
              <Button onClick={() => setConfirming(false)}>{t('maintenance.contacts.back2')}</Button>
              <Button variant="contained" onClick={submit} loading={save.isPending}>
                {t('maintenance.contacts.save')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={close}>{t('maintenance.contacts.cancel')}</Button>
              <Button
                variant="contained"
                disabled={!valid || (!emailsChanged && !phoneChanged)}
                onClick={() => {
                  save.reset();
                  setConfirming(true);
                }}
              >
                {t('maintenance.contacts.next')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </Box>
  );
}
