import { Fragment, useState } from 'react';
import {
  Box,
  Chip,
  Collapse,
  IconButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
} from '@mui/material';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUp';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from '@lc/shared';
import { exportNotificationsCsv } from '../../../api/notifications';
import { FilterBar } from '../../../app/components/FilterBar';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { localInputToIso } from '../../../app/i18n/localInputToIso';
import type { MessageKey } from '../../../app/i18n/dictionaries';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useNotifications } from '../hooks/useNotifications';
import { CustomerLink } from '../../../app/components/CustomerLink';

function Row({ n }: { n: NotificationView }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const kind = t(`notifications.kind.${n.kind}` as MessageKey);
  return (
    <Fragment>
      <TableRow hover>
        <TableCell padding="checkbox">
          <Tooltip title={t('notifications.showLicenses')}>
            <IconButton
              size="small"
              aria-label={t('notifications.showLicenses')}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? <KeyboardArrowUp /> : <KeyboardArrowDown />}
            </IconButton>
          </Tooltip>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(n.createdAt)}</TableCell>
        <TableCell>
          {kind}
          {n.threshold &&
            ` · ${t('notifications.threshold', { threshold: t(`notifications.t.${n.threshold}` as MessageKey) })}`}
        </TableCell>
        <TableCell>
          <Chip
            size="small"
            variant="outlined"
            label={t(`notifications.recipient.${n.recipientKind}` as MessageKey)}
            sx={{ mr: 1 }}
          />
          {n.to}
          {n.customerId && n.customerName && (
            <>
              {' ('}
              <CustomerLink id={n.customerId} name={n.customerName} />
              {')'}
            </>
          )}
        </TableCell>
        <TableCell align="right">{n.licenseCount}</TableCell>
        <TableCell>{n.status ? t(`notifications.status.${n.status}` as MessageKey) : '—'}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={6} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} unmountOnExit>
            <Table size="small" sx={{ my: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('notifications.col.customer')}</TableCell>
                  <TableCell>{t('notifications.col.camera')}</TableCell>
                  <TableCell>{t('notifications.col.sku')}</TableCell>
                  <TableCell>{t('notifications.col.endsAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {n.licenses.map((l) => (
                  <TableRow key={l.licenseId}>
                    <TableCell>
                      <CustomerLink id={l.customerId} name={l.customerName} />
                    </TableCell>
                    <TableCell>{l.cameraName ?? t('notifications.inPool')}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{l.skuCode}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(l.endsAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}

/** What was sent to whom, when, for which licenses: filters, server paging, CSV export. */
export function NotificationsTable() {
  const t = useT();
  const [kind, setKind] = useState<NotificationKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const filters = { kind: kind || undefined, from: localInputToIso(from), to: localInputToIso(to) };
  const list = useNotifications({ ...filters, page: page + 1, pageSize });
  const csv = useCsvDownload(
    () => exportNotificationsCsv(filters),
    'notifications.csv',
    (e) => t('notifications.exportFailed', { message: apiErrorMessage(t, e) }),
  );

  return (
    <Box>
      <FilterBar activeCount={[kind, from, to].filter(Boolean).length}>
        <TextField
          select
          size="small"
          label={t('notifications.filter.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as NotificationKind | '');
            setPage(0);
          }}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('notifications.filter.allKinds')}</MenuItem>
          {NOTIFICATION_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`notifications.kind.${k}` as MessageKey)}
            </MenuItem>
          ))}
        </TextField>
        <PeriodFields
          from={from}
          to={to}
          onFromChange={(v) => {
            setFrom(v);
            setPage(0);
          }}
          onToChange={(v) => {
            setTo(v);
            setPage(0);
          }}
          fromLabel={t('notifications.filter.from')}
          toLabel={t('notifications.filter.to')}
        />
        <CsvDownloadButton csv={csv}>{t('notifications.export')}</CsvDownloadButton>
      </FilterBar>
      <CsvDownloadError csv={csv} />
      <QueryTablePanel
        query={list}
        loadingRows={6}
        emptyIcon={<NotificationsOutlined fontSize="inherit" />}
        emptyText={t('notifications.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{t('notifications.col.sentAt')}</TableCell>
                  <TableCell>{t('notifications.col.kind')}</TableCell>
                  <TableCell>{t('notifications.col.to')}</TableCell>
                  <TableCell align="right">{t('notifications.col.licenses')}</TableCell>
                  <TableCell>{t('notifications.col.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((n) => (
                  <Row key={n.id} n={n} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
    </Box>
  );
}
