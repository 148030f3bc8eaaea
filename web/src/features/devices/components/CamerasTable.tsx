import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Chip,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import type { CameraView } from '@lc/shared';
import type { MessageKey } from '../../../app/i18n/dictionaries';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { formatDaysLeft } from '../daysLeft';
import { cameraPath } from '../paths';
import { cameraDisplayName } from '../tree';
import { LicenseStatusChip } from './LicenseStatusChip';

export interface CamerasTableProps {
  cameras: CameraView[];
  /** The customer's time zone: license ends are calendar dates there. */
  timeZone?: string;
  /** Set when a dealer reads its customer's tree (links stay inside the customer's detail). */
  customerId?: string;
}

/** Columns that narrow screens (phones) drop, so that the license status stays in view. */
const WIDE_ONLY = { display: { xs: 'none', sm: 'table-cell' } } as const;

/**
 * One row per camera: name, channel, model, kind, license status, ends, days left; on a phone only
 * name, license status and days left. Below the rows, once per device, what a lapse means.
 */
export function CamerasTable({ cameras, timeZone, customerId }: CamerasTableProps) {
  const t = useT();
  const { lang } = useLang();
  if (cameras.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', p: 2 }}>
        {t('devices.tree.noCameras')}
      </Typography>
    );
  }
  const lapsed = cameras.filter((c) => c.lapsed);
  const summaries: MessageKey[] = [
    ...(lapsed.some((c) => !c.doNotLicense) ? (['devices.lapse.summary'] as const) : []),
    ...(lapsed.some((c) => c.doNotLicense) ? (['devices.lapse.summaryMarked'] as const) : []),
  ];
  return (
    <TableContainer>
      <Table size="small" aria-label={t('devices.tree.camerasLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('devices.col.camera')}</TableCell>
            <TableCell sx={WIDE_ONLY}>{t('devices.col.channel')}</TableCell>
            <TableCell sx={WIDE_ONLY}>{t('devices.col.model')}</TableCell>
            <TableCell sx={WIDE_ONLY}>{t('devices.col.kind')}</TableCell>
            <TableCell>{t('devices.col.license')}</TableCell>
            <TableCell sx={WIDE_ONLY}>{t('devices.col.endsAt')}</TableCell>
            <TableCell align="right">{t('devices.col.daysLeft')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cameras.map((c) => (
            <TableRow
              key={c.id}
              data-testid="camera-row"
              data-camera-id={c.id}
              data-lapsed={c.lapsed ? 'true' : 'false'}
            >
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <Link component={RouterLink} to={cameraPath(c.id, customerId)} data-testid="camera-name">
                    {cameraDisplayName(t, c)}
                  </Link>
                  {c.doNotLicense && (
                    <Tooltip title={t('devices.doNotLicense.explain')}>
                      <Chip
                        size="small"
                        variant="outlined"
                        icon={<BlockOutlined />}
                        label={t('devices.doNotLicense.chip')}
                        data-testid="do-not-license-chip"
                        tabIndex={0}
                      />
                    </Tooltip>
                  )}
                </Box>
              </TableCell>
              <TableCell sx={WIDE_ONLY}>{c.channel}</TableCell>
              <TableCell sx={WIDE_ONLY}>{c.model}</TableCell>
              <TableCell sx={WIDE_ONLY}>{t(`licenses.kind.${c.kind}`)}</TableCell>
              <TableCell>
                <LicenseStatusChip camera={c} timeZone={timeZone} />
              </TableCell>
              <TableCell sx={{ ...WIDE_ONLY, whiteSpace: 'nowrap' }}>
                {c.endsAt ? formatDateTime(c.endsAt, lang, timeZone, { dateOnly: true }) : '—'}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatDaysLeft(t, c.daysLeft)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {summaries.length > 0 && (
        <Box sx={{ px: 2, py: 1 }} data-testid="lapse-summary-row">
          {summaries.map((key) => (
            <Typography
              key={key}
              variant="caption"
              component="p"
              sx={{ color: 'error.main' }}
              data-testid="lapse-summary"
            >
              {t(key)}
            </Typography>
          ))}
        </Box>
      )}
    </TableContainer>
  );
}
