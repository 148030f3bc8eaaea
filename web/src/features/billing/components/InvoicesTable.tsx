import { useState } from 'react';
import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import type { InvoiceView } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { fetchInvoicePrint } from '../../../api/billing';
import { formatYen } from '../formatYen';
import { InvoiceStatusChip } from './InvoiceStatusChip';

/** Opens the printable invoice (fetched with the bearer token) in a new window. */
async function openPrintable(id: string, lang: 'ja' | 'en', win: Window | null) {
  const html = await fetchInvoicePrint(id, lang);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (win) win.location.href = url;
  else window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function InvoicesTable({ invoices }: { invoices: InvoiceView[] }) {
  const t = useT();
  const { lang } = useLang();
  const format = useFormatDateTime();
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <TableContainer>
      <Table size="small" aria-label={t('billing.invoices.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('billing.invoices.col.number')}</TableCell>
            <TableCell>{t('billing.invoices.col.issuer')}</TableCell>
            <TableCell>{t('billing.invoices.col.buyer')}</TableCell>
            <TableCell>{t('billing.invoices.col.issuedAt')}</TableCell>
            <TableCell>{t('billing.invoices.col.dueAt')}</TableCell>
            <TableCell align="right">{t('billing.invoices.col.total')}</TableCell>
            <TableCell align="right">{t('billing.invoices.col.due')}</TableCell>
            <TableCell>{t('billing.invoices.col.status')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {invoices.map((inv) => (
            <TableRow key={inv.id}>
              <TableCell>{inv.invoiceNumber}</TableCell>
              <TableCell>{inv.issuer.name}</TableCell>
              <TableCell>{inv.buyer.companyName}</TableCell>
              <TableCell>{format(inv.issuedAt, { dateOnly: true })}</TableCell>
              <TableCell>{format(inv.dueAt, { dateOnly: true })}</TableCell>
              <TableCell align="right">{formatYen(inv.total)}</TableCell>
              <TableCell align="right">{formatYen(inv.amountDue)}</TableCell>
              <TableCell>
                <InvoiceStatusChip status={inv.status} />
              </TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  startIcon={<PrintOutlined />}
                  color={failed === inv.id ? 'error' : 'primary'}
                  onClick={() => {
                    setFailed(null);
                    const win = window.open('', '_blank');
                    openPrintable(inv.id, lang, win).catch(() => {
                      win?.close();
                      setFailed(inv.id);
                    });
                  }}
                >
                  {failed === inv.id ? t('billing.invoices.printFailed') : t('billing.invoices.print')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
