import { Chip } from '@mui/material';
import type { CustomerLicense } from '@lc/shared';
import { useT } from '../../../app/i18n/useT';

const COLORS: Record<CustomerLicense['state'], 'default' | 'info' | 'success' | 'error'> = {
  assigned: 'info',
  bound: 'success',
  expired: 'error',
  void: 'default',
};

export function LicenseStateChip({ state }: { state: CustomerLicense['state'] }) {
  const t = useT();
  return <Chip size="small" color={COLORS[state]} label={t(`licenses.state.${state}`)} />;
}
