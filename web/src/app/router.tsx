import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { AcceptInvitationPage } from '../features/auth/pages/AcceptInvitationPage';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { ConfirmEmailPage } from '../features/auth/pages/ConfirmEmailPage';
import { ForgotPasswordPage } from '../features/auth/pages/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/pages/ResetPasswordPage';
import { SetPasswordPage } from '../features/auth/pages/SetPasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { RequireRole } from '../features/auth/components/RequireRole';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { useCurrentUser } from '../features/auth/hooks/useSession';
import { NotFoundPage } from './components/NotFoundPage';
import { AppShell } from './layout/AppShell';
import { homePathFor } from './homePath';
import { APP_PAGES } from './pages';

function SessionRoot() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homePathFor(user.role)} replace />;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <SessionRoot />,
      children: [
        { path: '/login', element: <LoginPage /> },
        { path: '/accept-invitation', element: <AcceptInvitationPage /> },
        { path: '/forgot-password', element: <ForgotPasswordPage /> },
        { path: '/reset-password', element: <ResetPasswordPage /> },
        { path: '/set-password', element: <SetPasswordPage /> },
        { path: '/confirm-email', element: <ConfirmEmailPage /> },
        {
          element: (
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          ),
          children: [
            { index: true, element: <HomeRedirect /> },
            // The API's start-up banner points developers at /mailbox.
            { path: '/mailbox', element: <Navigate to="/dev/mailbox" replace /> },
            { path: '/account/password', element: <ChangePasswordPage /> },
            ...APP_PAGES.map((p) => ({
              path: p.path,
              element: <RequireRole roles={p.roles}>{p.element}</RequireRole>,
            })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
