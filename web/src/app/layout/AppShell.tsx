import { useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AppBar, Box, IconButton, Toolbar, Typography, useMediaQuery } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import MenuIcon from '@mui/icons-material/Menu';
import { useCurrentUser } from '../../features/auth/hooks/useSession';
import { usePublicConfig } from '../../features/config/hooks/usePublicConfig';
import { HandoverDialog } from '../../features/customers/components/HandoverDialog';
import { DevClockChip } from '../../features/dev/components/DevClockChip';
import { ProxyBanner } from '../../features/proxy/components/ProxyBanner';
import { AlarmBell } from '../../features/events/components/AlarmBell';
import { MessagesBadge } from '../../features/events/components/MessagesBadge';
import { TermsDialog } from '../../features/events/components/TermsDialog';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/useT';
import { navPagesFor } from '../pages';
import { NavDrawer } from './NavDrawer';
import { UserMenu } from './UserMenu';

/** App bar, navigation for the user's role, and the page. */
export function AppShell() {
  const t = useT();
  const theme = useTheme();
  const user = useCurrentUser();
  const config = usePublicConfig();
  const devSurface = config.data?.devSurface ?? false;
  const small = useMediaQuery(theme.breakpoints.down('md'), { noSsr: true });
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pages = navPagesFor(user.role, devSurface);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          {small && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label={t('nav.open')}
              onClick={() => setDrawerOpen(true)}
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography
            variant="h6"
            component="div"
            data-testid="app-title"
            noWrap
            sx={{ flex: 1, minWidth: 0 }}
          >
            {t('app.productName')}
          </Typography>
          {devSurface && <DevClockChip />}
          {user.role === 'customer' && <AlarmBell />}
          {user.role !== 'operator' && <MessagesBadge />}
          <LanguageSwitch color="inherit" compact />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <NavDrawer pages={pages} temporary={small} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
      <Box component="main" sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        <ProxyBanner />
        <Outlet />
        <HandoverDialog />
        <TermsDialog />
      </Box>
    </Box>
  );
}
