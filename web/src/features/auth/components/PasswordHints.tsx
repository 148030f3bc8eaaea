import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { checkPassword, PASSWORD_RULE_TEXT, PASSWORD_RULES } from '@lc/shared';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';

export interface PasswordHintsProps {
  password: string;
  email?: string | null;
  name?: string | null;
}

/** Live check of a new password against every rule of the policy (SPEC §5). */
export function PasswordHints({ password, email, name }: PasswordHintsProps) {
  const t = useT();
  const { lang } = useLang();
  const failures = new Set(checkPassword(password, { email, name }).failures);
  return (
    <List dense aria-label={t('password.rulesTitle')} data-testid="password-hints">
      {PASSWORD_RULES.map((rule) => {
        const met = password.length > 0 && !failures.has(rule);
        return (
          <ListItem
            key={rule}
            disableGutters
            data-rule={rule}
            data-met={met ? 'true' : 'false'}
            sx={{ py: 0 }}
          >
            <ListItemIcon sx={{ minWidth: 32 }}>
              {met ? (
                <CheckCircle fontSize="small" color="success" titleAccess={t('password.ruleMet')} />
              ) : (
                <RadioButtonUnchecked
                  fontSize="small"
                  color="disabled"
                  titleAccess={t('password.ruleNotMet')}
                />
              )}
            </ListItemIcon>
            <ListItemText
              primary={PASSWORD_RULE_TEXT[rule][lang]}
              slotProps={{ primary: { sx: { color: met ? 'success.main' : 'text.secondary' } } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
