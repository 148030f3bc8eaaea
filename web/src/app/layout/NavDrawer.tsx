import { NavLink, useLocation } from 'react-router-dom';
import { Box, Drawer, List, ListItemButton, ListItemIcon, ListItemText, Toolbar } from '@mui/material';
import type { AppPage } from '../pages';
import { useT } from '../i18n/useT';

export const DRAWER_WIDTH = 240;

export interface NavDrawerProps {
  pages: AppPage[];
  /** Small screens: a temporary drawer opened from the menu button. */
  temporary: boolean;
  open: boolean;
  onClose: () => void;
}

export function NavDrawer({ pages, temporary, open, onClose }: NavDrawerProps) {
  const t = useT();
  const { pathname } = useLocation();
  const content = (
    <Box component="nav" aria-label={t('nav.label')}>
      <List>
        {pages.map((p) => {
          const Icon = p.icon;
          const selected = pathname === p.path || pathname.startsWith(`${p.path}/`);
          return (
            <ListItemButton
              key={p.path}
              component={NavLink}
              to={p.path}
              selected={selected}
              onClick={temporary ? onClose : undefined}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>
                <Icon />
              </ListItemIcon>
              <ListItemText primary={t(p.labelKey)} />
            </ListItemButton>
          );
        })}
      </List>
    </Box>
  );
  const paperSx = { width: DRAWER_WIDTH, boxSizing: 'border-box' } as const;
  if (temporary) {
    return (
      <Drawer variant="temporary" open={open} onClose={onClose} slotProps={{ paper: { sx: paperSx } }}>
        {content}
      </Drawer>
    );
  }
  return (
    <Drawer
      variant="permanent"
      sx={{ width: DRAWER_WIDTH, flexShrink: 0 }}
      slotProps={{ paper: { sx: paperSx } }}
    >
      <Toolbar />
      {content}
    </Drawer>
  );
}
