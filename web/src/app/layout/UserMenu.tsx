import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Avatar,
  Box,
  Button,
  Divider,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import LockReset from '@mui/icons-material/LockReset';
import Logout from '@mui/icons-material/Logout';
import Translate from '@mui/icons-material/Translate';
import { RoleChip } from '../../features/auth/components/RoleChip';
import { CHANGE_PASSWORD_PATH } from '../../features/auth/components/RequireAuth';
import { useCurrentUser, useSession } from '../../features/auth/hooks/useSession';
import { useExitProxySession } from '../../features/proxy/hooks/useExitProxySession';
import { useLang } from '../i18n/useLang';
import { useSwitchLanguage } from '../i18n/useSwitchLanguage';
import { useT } from '../i18n/useT';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : name.trim().slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const exitProxy = useExitProxySession();
  const { lang } = useLang();
  const switchLanguage = useSwitchLanguage();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  const other = lang === 'ja' ? 'en' : 'ja';

  return (
    <>
      <Button
        data-testid="user-menu"
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={t('userMenu.open', { name: user.name })}
        sx={{ textTransform: 'none', gap: 1 }}
      >
        <Avatar sx={{ width: 28, height: 28, fontSize: 13, bgcolor: 'secondary.main' }}>
          {initials(user.name)}
        </Avatar>
        <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
          {user.name}
        </Box>
      </Button>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, py: 1, minWidth: 240 }}>
          <Typography variant="subtitle2">{user.name}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {user.email}
          </Typography>
          <RoleChip role={user.role} memberRole={user.memberRole} />
        </Box>
        <Divider />
        <MenuItem
          onClick={() => {
            switchLanguage(other);
            close();
          }}
        >
          <ListItemIcon>
            <Translate fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('language.switchTo', { language: t(`language.${other}`) })} />
        </MenuItem>
        <MenuItem component={RouterLink} to={CHANGE_PASSWORD_PATH} onClick={close}>
          <ListItemIcon>
            <LockReset fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('password.title')} />
        </MenuItem>
        <Divider />
        <MenuItem
          data-testid="logout"
          onClick={() => {
            close();
            // In a proxy session: end it and restore the dealer first, so that no token is left behind.
            void (user.proxy ? exitProxy('exited').then(() => signOut()) : signOut());
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t('userMenu.logout')} />
        </MenuItem>
      </Menu>
    </>
  );
}
