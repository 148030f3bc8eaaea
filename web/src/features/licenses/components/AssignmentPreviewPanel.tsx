import { Alert, Box, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { AssignmentPreview } from '@lc/shared';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';

export interface AssignmentPreviewPanelProps {
  preview: AssignmentPreview;
  rows: Array<{ label: string; value: string }>;
}

/** The term an assignment would give, in the customer's zone, and the overlap warning. */
export function AssignmentPreviewPanel({ preview, rows }: AssignmentPreviewPanelProps) {
  const t = useT();
  const { lang } = useLang();
  const fmt = (iso: string) => formatDateTime(iso, lang, preview.timeZone, { dateOnly: true });
  return (
    <Box>
      <Table size="small" sx={{ mb: 2 }}>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.label}>
              <TableCell component="th" sx={{ width: 240 }}>
                {r.label}
              </TableCell>
              <TableCell>{r.value}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th">{t('licenses.wizard.freeUntil')}</TableCell>
            <TableCell data-testid="preview-free-until">{fmt(preview.freeUntil)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('licenses.wizard.termStartsAt')}</TableCell>
            <TableCell data-testid="preview-term-start">{fmt(preview.termStartsAt)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('licenses.wizard.endsAt')}</TableCell>
            <TableCell data-testid="preview-ends-at">{fmt(preview.endsAt)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('licenses.wizard.timeZone')}</TableCell>
            <TableCell>{preview.timeZone}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {preview.overlapDays > 0 && (
        <Alert severity="warning" data-testid="overlap-warning">
          {t('licenses.wizard.overlap', {
            days: preview.overlapDays,
            ends: preview.comparedWith ? fmt(preview.comparedWith.endsAt) : '',
          })}
        </Alert>
      )}
    </Box>
  );
}
