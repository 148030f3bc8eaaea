import { Box, Paper } from '@mui/material';
import type { MessageKey } from '../i18n/dictionaries';
import { useT } from '../i18n/useT';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

export interface PlannedPageProps {
  titleKey: MessageKey;
  /** What will appear on this page. */
  descriptionKey: MessageKey;
}

/** A page whose data the API does not serve yet: says what will appear here. */
export function PlannedPage({ titleKey, descriptionKey }: PlannedPageProps) {
  const t = useT();
  return (
    <Box>
      <PageHeader title={t(titleKey)} />
      <Paper variant="outlined">
        <EmptyState title={t('common.nothingHereYet')} description={t(descriptionKey)} />
      </Paper>
    </Box>
  );
}
