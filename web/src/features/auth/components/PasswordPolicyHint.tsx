import { Typography } from '@mui/material';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_SYMBOLS } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

/** One line summing up the password policy, for the login page. */
export function PasswordPolicyHint() {
  const t = useT();
  return (
    <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
      {t('login.passwordPolicy', {
        min: PASSWORD_MIN,
        max: PASSWORD_MAX,
        symbols: [...PASSWORD_SYMBOLS].join(' '),
      })}
    </Typography>
  );
}
