import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState } from '../../../app/components/ErrorState';
import { FullPageLoading } from '../../../app/components/FullPageLoading';
import { useSession } from '../hooks/useSession';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Renders its children for a signed-in user; sends everyone else to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, user, error, retry, endedReason } = useSession();
  const location = useLocation();
  if (status === 'anonymous') {
    const to = endedReason ? `/login?reason=${endedReason}` : '/login';
    return <Navigate to={to} replace state={{ from: location }} />;
  }
  if (status === 'loading') return <FullPageLoading />;
  if (status === 'error' || !user) {
    return (
      <Box sx={{ p: 3, maxWidth: 640, mx: 'auto' }}>
        <ErrorState error={error} onRetry={retry} />
      </Box>
    );
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}
