import { useState } from 'react';
import {
  Box,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { AUDIT_ACTIONS } from '@lc/shared';
import { FilterBar } from '../../../app/components/FilterBar';
import { CsvDownloadButton, CsvDownloadError } from '../../../app/components/CsvDownloadButton';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCsvDownload } from '../../../app/hooks/useCsvDownload';
import { exportAuditCsv } from '../../../api/accounts';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { localInputToIso } from '../../../app/i18n/localInputToIso';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { auditActionLabel, auditTargetLabel } from '../../../app/i18n/codeLabels';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useAuditLog } from '../hooks/useAuditLog';

export interface AuditLogProps {
  /** Only entries about one customer (the customer detail's Audit tab). */
  customerId?: string;
}

/** The audit log with filters, paging and CSV export; the same for operators and dealers. */
export function AuditLog({ customerId }: AuditLogProps) {
  const t = useT();
  const { lang } = useLang();
  const fmt = useFormatDateTime();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const filters = {
    action: action || undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
    customerId,
  };
  const log = useAuditLog({ ...filters, page: page + 1, pageSize });
  const csv = useCsvDownload(
    () => exportAuditCsv(filters),
    'audit.csv',
    (e) => t('audit.exportFailed', { message: apiErrorMessage(t, e) }),
  );

  return (
    <Box>
      <FilterBar activeCount={[action, from, to].filter(Boolean).length}>
        <TextField
          select
          size="small"
          label={t('audit.filter.action')}
          value={action}
          onChange={(e) => {
            setAction(e.target.value);
            setPage(0);
          }}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">{t('audit.filter.allActions')}</MenuItem>
          {AUDIT_ACTIONS.map((a) => (
            <MenuItem key={a} value={a}>
              {auditActionLabel(a, lang)}
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
          fromLabel={t('audit.filter.from')}
          toLabel={t('audit.filter.to')}
        />
        <CsvDownloadButton csv={csv}>{t('audit.export')}</CsvDownloadButton>
      </FilterBar>
      <CsvDownloadError csv={csv} />
      <QueryTablePanel
        query={log}
        loadingRows={6}
        emptyIcon={<HistoryOutlined fontSize="inherit" />}
        emptyText={t('audit.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('audit.col.at')}</TableCell>
                  <TableCell>{t('audit.col.action')}</TableCell>
                  <TableCell>{t('audit.col.actor')}</TableCell>
                  <TableCell>{t('audit.col.target')}</TableCell>
                  <TableCell>{t('audit.col.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((e) => (
                  <TableRow key={e.id} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(e.at)}</TableCell>
                    <TableCell title={e.action}>{auditActionLabel(e.action, lang)}</TableCell>
                    <TableCell>
                      {e.impersonatorName
                        ? t('audit.viaProxy', { name: e.impersonatorName })
                        : (e.actorName ?? t('audit.system'))}
                    </TableCell>
                    <TableCell>{e.targetType ? auditTargetLabel(e.targetType, lang) : ''}</TableCell>
                    <TableCell>{e.reason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
    </Box>
  );
}
