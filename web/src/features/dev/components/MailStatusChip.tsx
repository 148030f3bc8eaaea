import { Chip } from '@mui/material';
import type { MailView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

const COLORS = { pending: 'info', sent: 'success', failed: 'error' } as const;

export function MailStatusChip({ status }: { status: MailView['status'] }) {
  const t = useT();
  return (
    <Chip size="small" color={COLORS[status]} variant="outlined" label={t(`mailbox.status.${status}`)} />
  );
}
