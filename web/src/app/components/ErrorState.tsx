import { Alert, AlertTitle, Button } from '@mui/material';
import { isApiError } from '../../api/ApiError';
import { apiErrorMessage } from '../i18n/apiErrorMessage';
import { useT } from '../i18n/useT';

export interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the message, the error id to quote when reporting it, and a retry. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const t = useT();
  const errorId = isApiError(error) ? error.errorId : undefined;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      <AlertTitle>{t('error.loadFailed')}</AlertTitle>
      {apiErrorMessage(t, error)}
      {errorId && (
        <>
          <br />
          {t('error.errorId', { id: errorId })}
        </>
      )}
    </Alert>
  );
}
