import { Alert } from '@mui/material';
import { useT } from '../../../app/i18n/useT';
import { useCountdown } from '../hooks/useCountdown';

function formatLeft(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The account is locked: how long until the next try, counting down. */
export function LockedAlert({ lockedUntil }: { lockedUntil: string | undefined }) {
  const t = useT();
  const left = useCountdown(lockedUntil);
  if (left === 0) {
    return (
      <Alert severity="info" role="status" data-testid="login-error">
        {t('login.error.lockedOver')}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" data-testid="login-error">
      {left === null ? t('login.error.lockedNoTime') : t('login.error.locked', { time: formatLeft(left) })}
    </Alert>
  );
}
