import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { isValidLoginId, type DealerTier, emailProblem, phoneProblem, textProblem } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { errorField } from '../../../api/fieldError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCreateDealer } from '../hooks/useCreateDealer';

export interface AddDealerDialogProps {
  open: boolean;
  tier: DealerTier;
  onClose: () => void;
  onCreated: () => void;
}

const FIELDS = ['loginId', 'companyName', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];

export function AddDealerDialog({ open, tier, onClose, onCreated }: AddDealerDialogProps) {
  const t = useT();
  const create = useCreateDealer();
  const [values, setValues] = useState<Record<Field, string>>({
    loginId: '',
    companyName: '',
    email: '',
    phone: '',
  });
  const set = (f: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));
  const loginIdBad = values.loginId !== '' && !isValidLoginId(values.loginId);
  const badField = create.isError ? errorField(create.error) : undefined;
  const fieldMessage = (f: Field) => (badField === f ? apiErrorMessage(t, create.error) : undefined);
  const checks = useFieldChecks();
  const problems = {
    companyName: textProblem(values.companyName, { required: true, max: 100 }),
    email: emailProblem(values.email),
    phone: phoneProblem(values.phone),
  };
  const complete =
    FIELDS.every((f) => values[f].trim() !== '') &&
    !loginIdBad &&
    !problems.companyName &&
    !problems.email &&
    !problems.phone;

  const close = () => {
    create.reset();
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        loginId: values.loginId,
        companyName: values.companyName.trim(),
        email: values.email.trim(),
        phone: values.phone.trim(),
        tier,
      },
      {
        onSuccess: () => {
          setValues({ loginId: '', companyName: '', email: '', phone: '' });
          checks.reset();
          create.reset();
          onCreated();
        },
      },
    );
  };

  const title = tier === 'primary' ? t('dealers.add.titlePrimary') : t('dealers.add.titleSecondary');
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="add-dealer-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="add-dealer-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('dealers.add.intro')}
            </Typography>
            {create.isError && !badField && (
              <Alert severity="error">{apiErrorMessage(t, create.error)}</Alert>
            )}
            <TextField
              name="loginId"
              label={t('dealers.field.loginId')}
              value={values.loginId}
              onChange={set('loginId')}
              required
              autoFocus
              error={loginIdBad || badField === 'loginId'}
              helperText={
                fieldMessage('loginId') ??
                (loginIdBad ? t('dealers.field.loginIdInvalid') : t('dealers.field.loginIdHelp'))
              }
            />
            <TextField
              name="companyName"
              label={t('dealers.field.companyName')}
              value={values.companyName}
              onChange={set('companyName')}
              required
              {...checks.props('companyName', problems.companyName, fieldMessage('companyName'))}
            />
            <TextField
              name="email"
              type="email"
              label={t('dealers.field.email')}
              value={values.email}
              onChange={set('email')}
              required
              {...checks.props('email', problems.email, fieldMessage('email'))}
            />
            <TextField
              name="phone"
              label={t('dealers.field.phone')}
              value={values.phone}
              onChange={set('phone')}
              required
              placeholder="03-1234-5678"
              {...checks.props('phone', problems.phone, fieldMessage('phone'))}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('dealers.common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!complete} loading={create.isPending}>
            {t('dealers.add.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
