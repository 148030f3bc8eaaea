import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import Download from '@mui/icons-material/Download';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { AUDIT_ACTIONS } from '@lc/shared';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { exportAuditCsv } from '../../../api/accounts';
import { saveDownload } from '../../../api/saveDownload';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useAuditLog } from '../hooks/useAuditLog';

/** `datetime-local` value → ISO instant (in the browser's zone), or undefined. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export interface AuditLogProps {
  /** Only entries about one customer (the customer detail's Audit tab). */
  customerId?: string;
}

/** The audit log with filters, paging and CSV export; the same for operators and dealers. */
export function AuditLog({ customerId }: AuditLogProps) {
  const t = useT();
  const fmt = useFormatDateTime();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const filters = { action: action || undefined, from: toIso(from), to: toIso(to), customerId };
  const log = useAuditLog({ ...filters, page: page + 1, pageSize });

  const onExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await saveDownload(await exportAuditCsv(filters), 'audit.csv');
    } catch (e) {
      setExportError(t('audit.exportFailed', { message: apiErrorMessage(t, e) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
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
              {a}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="datetime-local"
          label={t('audit.filter.from')}
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            setPage(0);
          }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="datetime-local"
          label={t('audit.filter.to')}
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setPage(0);
          }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button startIcon={<Download />} onClick={() => void onExport()} loading={exporting}>
          {t('audit.export')}
        </Button>
      </Box>
      {exportError && (
        <Alert severity="error" onClose={() => setExportError(null)} sx={{ mb: 2 }}>
          {exportError}
        </Alert>
      )}
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
                    <TableCell sx={{ fontFamily: 'monospace' }}>{e.action}</TableCell>
                    <TableCell>
                      {e.impersonatorName
                        ? t('audit.viaProxy', { name: e.impersonatorName })
                        : (e.actorName ?? t('audit.system'))}
                    </TableCell>
                    <TableCell>{e.targetType ?? ''}</TableCell>
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
