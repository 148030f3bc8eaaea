import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { RequireRole } from '../features/auth/components/RequireRole';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { useCurrentUser } from '../features/auth/hooks/useSession';
import { NotFoundPage } from './components/NotFoundPage';
import { AppShell } from './layout/AppShell';
import { APP_PAGES, homePathFor } from './pages';

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
        {
          element: (
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          ),
          children: [
            { index: true, element: <HomeRedirect /> },
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
