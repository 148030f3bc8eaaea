import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { ChangeDiffTable } from '../../../app/components/ChangeDiffTable';
import Edit from '@mui/icons-material/Edit';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import {
  DEALER_PROFILE_FIELDS,
  emailProblem,
  phoneProblem,
  textProblem,
  type DealerProfileField,
  type DealerView,
  type FieldProblem,
} from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { errorField } from '../../../api/fieldError';
import { ErrorState } from '../../../app/components/ErrorState';
import { FactList } from '../../../app/components/FactList';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useMyDealer, useUpdateMyDealer } from '../hooks/useMyDealer';

type Draft = Record<DealerProfileField, string>;

function draftOf(d: DealerView): Draft {
  const out = {} as Draft;
  for (const f of DEALER_PROFILE_FIELDS) out[f] = d[f] ?? '';
  return out;
}

/** The API's length limits of the free-text profile fields (update-dealer DTO). */
const PROFILE_MAX: Partial<Record<DealerProfileField, number>> = {
  companyName: 100,
  department: 100,
  representativeName: 100,
  representativeKana: 100,
  address: 300,
};

/** The dealer's profile; editing goes through a before/after confirmation (seed 004). */
export function DealerProfileCard() {
  const t = useT();
  const dealer = useMyDealer();
  const update = useUpdateMyDealer();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const checks = useFieldChecks();
  const label = (f: DealerProfileField) => t(`account.profile.${f}`);

  if (dealer.isPending) return <LoadingRows rows={5} />;
  if (dealer.isError) return <ErrorState error={dealer.error} onRetry={() => void dealer.refetch()} />;
  const d = dealer.data;
  const current = draftOf(d);
  const changed = draft ? DEALER_PROFILE_FIELDS.filter((f) => draft[f].trim() !== current[f]) : [];
  const badField = update.isError ? errorField(update.error) : undefined;

  const close = () => {
    checks.reset();
    setDraft(null);
    setConfirming(false);
    update.reset();
  };
  const problemOf = (f: DealerProfileField, v: string): FieldProblem | null => {
    if (f === 'phone') return phoneProblem(v);
    if (f === 'notificationEmail') return emailProblem(v);
    return textProblem(v, { required: f === 'companyName', max: PROFILE_MAX[f] });
  };
  const hasProblem = draft !== null && DEALER_PROFILE_FIELDS.some((f) => problemOf(f, draft[f]) !== null);
  const save = () => {
    if (!draft) return;
    const body: Partial<DealerView> = {};
    for (const f of changed) {
      const v = draft[f].trim();
      (body as Record<string, string | null>)[f] = v === '' ? null : v;
    }
    update.mutate(body, {
      onSuccess: () => {
        close();
        setSaved(true);
      },
      onError: () => setConfirming(false),
    });
  };

  return (
    <Card sx={{ mt: 3 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {t('account.profile.title')}
        </Typography>
        {saved && (
          <Alert severity="success" role="status" onClose={() => setSaved(false)} sx={{ mb: 2 }}>
            {t('account.profile.saved')}
          </Alert>
        )}
        <FactList
          facts={
            [
              [t('account.profile.loginId'), d.loginId],
              [t('account.profile.tier'), t(`dealers.tier.${d.tier}`)],
              ...DEALER_PROFILE_FIELDS.map((f) => [label(f), current[f] || t('account.profile.empty')]),
            ] as Array<[string, string]>
          }
        />
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="outlined" startIcon={<Edit />} onClick={() => setDraft(current)}>
          {t('account.profile.edit')}
        </Button>
        {d.tier === 'primary' && (
          <Button component={RouterLink} to="/secondary-dealers" startIcon={<StorefrontOutlined />}>
            {t('account.profile.secondaryDealers')}
          </Button>
        )}
      </CardActions>
      <Dialog open={draft !== null} onClose={close} fullWidth maxWidth="sm" aria-labelledby="profile-title">
        <DialogTitle id="profile-title">
          {confirming ? t('account.profile.confirmTitle') : t('account.profile.edit')}
        </DialogTitle>
        <DialogContent>
          {update.isError && !badField && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {apiErrorMessage(t, update.error)}
            </Alert>
          )}
          {draft && !confirming && (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {DEALER_PROFILE_FIELDS.map((f) => (
                <TextField
                  key={f}
                  name={f}
                  label={label(f)}
                  value={draft[f]}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                  required={f === 'companyName' || f === 'phone' || f === 'notificationEmail'}
                  multiline={f === 'address'}
                  {...checks.props(
                    f,
                    problemOf(f, draft[f]),
                    badField === f ? apiErrorMessage(t, update.error) : undefined,
                  )}
                />
              ))}
            </Stack>
          )}
          {draft && confirming && (
            <ChangeDiffTable
              data-testid="profile-diff"
              intro={t('account.profile.confirmIntro')}
              beforeLabel={t('account.profile.before')}
              afterLabel={t('account.profile.after')}
              rows={changed.map((f) => ({
                key: f,
                label: label(f),
                before: current[f] || t('account.profile.empty'),
                after: draft[f].trim() || t('account.profile.empty'),
              }))}
            />
          )}
          {draft && !confirming && changed.length === 0 && (
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 2 }}>
              {t('account.profile.noChanges')}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          {confirming ? (
            <>
              <Button onClick={() => setConfirming(false)}>{t('account.profile.back')}</Button>
              <Button variant="contained" onClick={save} loading={update.isPending}>
                {t('account.profile.save')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={close}>{t('account.profile.cancel')}</Button>
              <Button
                variant="contained"
                disabled={changed.length === 0 || hasProblem}
                onClick={() => {
                  update.reset();
                  setConfirming(true);
                }}
              >
                {t('account.profile.next')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </Card>
  );
}
