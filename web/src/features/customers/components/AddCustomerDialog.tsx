import { useState, type FormEvent } from 'react';
import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import {
  checkPassword,
  CUSTOMER_NAME_MAX,
  emailProblem,
  LANGUAGES,
  textProblem,
  type Language,
} from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { errorField } from '../../../api/fieldError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { PasswordField } from '../../auth/components/PasswordField';
import { PasswordHints } from '../../auth/components/PasswordHints';
import { useCreateCustomer } from '../hooks/useCreateCustomer';
import { COMMON_TIME_ZONES } from '../timeZones';

export interface AddCustomerDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (result: { email: string; temporary: boolean }) => void;
}

export function AddCustomerDialog({ open, onClose, onCreated }: AddCustomerDialogProps) {
  const t = useT();
  const { lang } = useLang();
  const create = useCreateCustomer();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [timeZone, setTimeZone] = useState('Asia/Tokyo');
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const badField = create.isError ? errorField(create.error) : undefined;
  const fieldMessage = (f: string) => (badField === f ? apiErrorMessage(t, create.error) : undefined);
  const checks = useFieldChecks();
  const problems = {
    name: textProblem(name, { required: true, max: CUSTOMER_NAME_MAX }),
    email: emailProblem(email),
  };
  const passwordOk =
    temporaryPassword === '' || checkPassword(temporaryPassword, { email, name }).failures.length === 0;

  const reset = () => {
    setName('');
    setEmail('');
    setTemporaryPassword('');
    checks.reset();
    create.reset();
  };
  const close = () => {
    create.reset();
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const temporary = temporaryPassword !== '';
    create.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        language,
        timeZone,
        ...(temporary ? { temporaryPassword } : {}),
      },
      {
        onSuccess: (res) => {
          reset();
          onCreated({ email: res.email, temporary });
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="add-customer-title">
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle id="add-customer-title">{t('customers.add.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {create.isError && !badField && (
              <Alert severity="error">{apiErrorMessage(t, create.error)}</Alert>
            )}
            <TextField
              name="name"
              label={t('customers.field.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoFocus
              {...checks.props('name', problems.name, fieldMessage('name'))}
            />
            <TextField
              name="email"
              type="email"
              label={t('customers.field.email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              {...checks.props('email', problems.email, fieldMessage('email'))}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                name="language"
                label={t('customers.field.language')}
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language)}
                sx={{ flex: 1 }}
              >
                {LANGUAGES.map((l) => (
                  <MenuItem key={l} value={l}>
                    {t(`language.${l}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                name="timeZone"
                label={t('customers.field.timeZone')}
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
                sx={{ flex: 1 }}
                error={badField === 'timeZone'}
                helperText={fieldMessage('timeZone')}
              >
                {COMMON_TIME_ZONES.map((z) => (
                  <MenuItem key={z} value={z}>
                    {z}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Alert severity="info" icon={false}>
              <AlertTitle>{t('customers.add.modeTitle')}</AlertTitle>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                <li>{t('customers.add.modeTemporary')}</li>
                <li>{t('customers.add.modeEmail')}</li>
              </ul>
            </Alert>
            <PasswordField
              name="temporaryPassword"
              label={t('customers.field.temporaryPassword')}
              value={temporaryPassword}
              onChange={(e) => setTemporaryPassword(e.target.value)}
              autoComplete="new-password"
              error={badField === 'temporaryPassword'}
              helperText={fieldMessage('temporaryPassword')}
            />
            {temporaryPassword !== '' && (
              <PasswordHints password={temporaryPassword} email={email} name={name} />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('customers.common.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={create.isPending}
            disabled={problems.name !== null || problems.email !== null || !passwordOk}
          >
            {t('customers.add.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
