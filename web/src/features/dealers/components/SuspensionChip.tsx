import { Chip, Tooltip } from '@mui/material';
import type { DealerSuspension } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';

/**
 * "Suspended since <date>" with the reason on hover (and for screen readers); without a
 * `reason` key (e.g. a parent dealer's state) only the date.
 */
export function SuspensionChip({
  suspension,
}: {
  suspension: Pick<DealerSuspension, 'at'> & { reason?: string | null };
}) {
  const t = useT();
  const fmt = useFormatDateTime();
  const label = t('dealers.status.suspendedSince', { date: fmt(suspension.at, { dateOnly: true }) });
  const chip = (title?: string) => (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      label={label}
      aria-label={title ? `${label}. ${title}` : label}
      data-testid="dealer-suspended-chip"
    />
  );
  if (suspension.reason === undefined) return chip();
  const title = suspension.reason
    ? t('dealers.suspension.reasonIs', { reason: suspension.reason })
    : t('dealers.suspension.noReason');
  return <Tooltip title={title}>{chip(title)}</Tooltip>;
}
