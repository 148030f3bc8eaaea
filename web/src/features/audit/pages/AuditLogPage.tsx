import { Box } from '@mui/material';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { AuditLog } from '../components/AuditLog';

export function AuditLogPage() {
  const t = useT();
  return (
    <Box>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditLog />
    </Box>
  );
}
