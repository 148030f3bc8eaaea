import { Chip } from '@mui/material';
import type { JobRunView } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

const COLORS = { running: 'info', succeeded: 'success', failed: 'error', abandoned: 'warning' } as const;

export function JobOutcomeChip({ outcome }: { outcome: JobRunView['outcome'] }) {
  const t = useT();
  return <Chip size="small" color={COLORS[outcome]} label={t(`jobs.outcome.${outcome}`)} />;
}
