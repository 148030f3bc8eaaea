import { Chip } from '@mui/material';
import { useT } from '../../../app/i18n/useT';
import { statusColor, statusLabel } from '../maintenanceText';

/** A device status word as a coloured chip. */
export function StatusChip({ status }: { status: string }) {
  const t = useT();
  return <Chip size="small" variant="outlined" color={statusColor(status)} label={statusLabel(t, status)} />;
}
