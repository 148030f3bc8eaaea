import { Box, Grid } from '@mui/material';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useT } from '../../../app/i18n/useT';
import { formatYen } from '../../billing/formatYen';
import { useOperatorOverview } from '../hooks/useOperatorOverview';
import { FigureCard, type FigureCardProps } from './FigureCard';

/**
 * The operator's home: dealers, suspended dealers, stock held by dealers, this month's sales,
 * unpaid invoices, failed jobs — one FigureCard each.
 */
export function OperatorHome() {
  const t = useT();
  const q = useOperatorOverview();
  if (q.isPending) return <LoadingRows rows={4} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const stockTotal = o.stock.reduce((n, s) => n + s.quantity, 0);
  const figures: FigureCardProps[] = [
    {
      testId: 'figure-dealers',
      label: t('operatorHome.dealers'),
      value: o.dealers.primary + o.dealers.secondary,
      detail: t('operatorHome.dealersDetail', { primary: o.dealers.primary, secondary: o.dealers.secondary }),
      to: '/dealers',
    },
    {
      testId: 'figure-suspended',
      label: t('operatorHome.suspended'),
      value: o.dealers.suspended,
      detail: o.dealers.suspended ? t('operatorHome.suspendedDetail') : t('operatorHome.suspendedNone'),
      to: '/dealers',
    },
    {
      testId: 'figure-stock',
      label: t('operatorHome.stock'),
      value: stockTotal,
      detail: o.stock.map((s) => `${s.skuCode} ${s.quantity}`).join(' · ') || t('operatorHome.stockNone'),
      to: '/dealers',
    },
    {
      testId: 'figure-sales',
      label: t('operatorHome.sales'),
      value: formatYen(o.salesThisMonth.total),
      detail: t('operatorHome.salesDetail', { count: o.salesThisMonth.invoices }),
      to: '/invoices',
    },
    {
      testId: 'figure-unpaid',
      label: t('operatorHome.unpaid'),
      value: formatYen(o.unpaidInvoices.amountDue),
      detail: t('operatorHome.unpaidDetail', {
        count: o.unpaidInvoices.count,
        overdue: o.unpaidInvoices.overdue,
      }),
      to: '/invoices',
    },
    {
      testId: 'figure-jobs',
      label: t('operatorHome.failedJobs'),
      value: o.failedJobRuns,
      detail: t('operatorHome.failedJobsDetail'),
      to: '/jobs',
    },
  ];
  return (
    <Box data-testid="operator-home">
      <Grid container spacing={2}>
        {figures.map((f) => (
          <Grid key={f.testId} size={{ xs: 12, sm: 6, md: 4 }}>
            <FigureCard {...f} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
