import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import InboxOutlined from '@mui/icons-material/InboxOutlined';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** Shown where a list has nothing to show: says so, and what will appear there. */
export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <Box
      data-testid="empty-state"
      sx={{ textAlign: 'center', py: 6, px: 2, color: 'text.secondary', maxWidth: 560, mx: 'auto' }}
    >
      <Box sx={{ fontSize: 48, lineHeight: 1, mb: 1, color: 'action.disabled' }}>
        {icon ?? <InboxOutlined fontSize="inherit" />}
      </Box>
      <Typography variant="h6" component="p" sx={{ color: 'text.primary' }}>
        {title}
      </Typography>
      {description && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {description}
        </Typography>
      )}
      {action && <Box sx={{ mt: 2 }}>{action}</Box>}
    </Box>
  );
}
