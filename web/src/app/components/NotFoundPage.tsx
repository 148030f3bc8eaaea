import { Link as RouterLink } from 'react-router-dom';
import { Button } from '@mui/material';
import SearchOff from '@mui/icons-material/SearchOff';
import { useT } from '../i18n/useT';
import { EmptyState } from './EmptyState';

export function NotFoundPage() {
  const t = useT();
  return (
    <EmptyState
      icon={<SearchOff fontSize="inherit" />}
      title={t('error.pageNotFound')}
      description={t('error.pageNotFoundHint')}
      action={
        <Button component={RouterLink} to="/" variant="outlined">
          {t('common.goHome')}
        </Button>
      }
    />
  );
}
