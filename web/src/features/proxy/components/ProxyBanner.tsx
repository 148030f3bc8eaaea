import { Alert, Button } from '@mui/material';
import { useEffect } from 'react';
import { useT } from '../../../app/i18n/useT';
import { useCountdown } from '../../auth/hooks/useCountdown';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { formatTimeLeft } from '../formatTimeLeft';
import { useExitProxySession } from '../hooks/useExitProxySession';

/** Shown at the top of the shell during a proxy session: who acts as whom, time left, Exit. */
export function ProxyBanner() {
  const t = useT();
  const user = useCurrentUser();
  const exit = useExitProxySession();
  const left = useCountdown(user.proxy?.expiresAt);
  const expired = left === 0;
  useEffect(() => {
    if (expired) void exit('expired');
  }, [expired, exit]);
  if (!user.proxy) return null;
  return (
    <Alert
      data-testid="proxy-banner"
      severity="warning"
      variant="filled"
      role="status"
      sx={{ position: 'sticky', top: { xs: 56, sm: 64 }, zIndex: (th) => th.zIndex.appBar - 1, mb: 2 }}
      action={
        <Button color="inherit" variant="outlined" size="small" onClick={() => void exit('exited')}>
          {t('proxy.banner.exit')}
        </Button>
      }
    >
      {t('proxy.banner.text', { customer: user.name, member: user.proxy.actingUserName })}
      {left !== null && (
        <span data-testid="proxy-time-left">
          {' · '}
          {t('proxy.banner.timeLeft', { time: formatTimeLeft(left) })}
        </span>
      )}
    </Alert>
  );
}
