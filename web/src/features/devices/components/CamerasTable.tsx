import { Fragment } from 'react';
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

/** One row per camera: name, channel, model, kind, license status, ends, days left. */
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
  return (
    <TableContainer>
      <Table size="small" aria-label={t('devices.tree.camerasLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('devices.col.camera')}</TableCell>
            <TableCell>{t('devices.col.channel')}</TableCell>
            <TableCell>{t('devices.col.model')}</TableCell>
            <TableCell>{t('devices.col.kind')}</TableCell>
            <TableCell>{t('devices.col.license')}</TableCell>
            <TableCell>{t('devices.col.endsAt')}</TableCell>
            <TableCell align="right">{t('devices.col.daysLeft')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cameras.map((c) => (
            <Fragment key={c.id}>
              <TableRow
                data-testid="camera-row"
                data-camera-id={c.id}
                data-lapsed={c.lapsed ? 'true' : 'false'}
                sx={c.lapsed ? { '& > td': { borderBottom: 0 } } : undefined}
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
                <TableCell>{c.channel}</TableCell>
                <TableCell>{c.model}</TableCell>
                <TableCell>{t(`licenses.kind.${c.kind}`)}</TableCell>
                <TableCell>
                  <LicenseStatusChip camera={c} timeZone={timeZone} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {c.endsAt ? formatDateTime(c.endsAt, lang, timeZone, { dateOnly: true }) : '—'}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatDaysLeft(t, c.daysLeft)}
                </TableCell>
              </TableRow>
              {c.lapsed && (
                <TableRow data-testid="lapse-summary-row">
                  <TableCell colSpan={7} sx={{ pt: 0 }}>
                    <Typography variant="caption" sx={{ color: 'error.main' }} data-testid="lapse-summary">
                      {t(c.doNotLicense ? 'devices.lapse.summaryMarked' : 'devices.lapse.summary')}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
