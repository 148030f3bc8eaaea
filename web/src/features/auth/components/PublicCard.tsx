import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { useT } from '../../../app/i18n/useT';

/** The frame of the pages reached without signing in (links from e-mails). */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        p: 2,
      }}
    >
      <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </Box>
      <Card sx={{ width: '100%', maxWidth: 460 }}>
        <CardContent sx={{ p: 4 }}>
          <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
            {title}
          </Typography>
          {children}
          <Box sx={{ mt: 3 }}>
            <Link component={RouterLink} to="/login" variant="body2">
              {t('authFlow.backToLogin')}
            </Link>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
