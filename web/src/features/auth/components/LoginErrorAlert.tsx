import { Alert } from '@mui/material';
import { ErrorCode } from '@lc/shared';
import { isApiError } from '../../../api/ApiError';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { LockedAlert } from './LockedAlert';

/** Why a sign-in failed, in words the user can act on. */
export function LoginErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (isApiError(error)) {
    if (error.code === ErrorCode.ACCOUNT_LOCKED) {
      const until = error.details?.lockedUntil;
      const lockedUntil = typeof until === 'string' ? until : undefined;
      return <LockedAlert key={lockedUntil} lockedUntil={lockedUntil} />;
    }
    const message =
      error.code === ErrorCode.INVALID_CREDENTIALS
        ? t('login.error.invalidCredentials')
        : error.code === ErrorCode.INITIAL_PASSWORD_EXPIRED
          ? t('login.error.initialPasswordExpired')
          : apiErrorMessage(t, error);
    return (
      <Alert severity="error" role="alert" data-testid="login-error">
        {message}
        {error.errorId && (
          <>
            <br />
            {t('error.errorId', { id: error.errorId })}
          </>
        )}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" data-testid="login-error">
      {apiErrorMessage(t, error)}
    </Alert>
  );
}
