import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useT } from '../../../app/i18n/useT';
import { formatYen } from '../../billing/formatYen';
import { useOperatorOverview } from '../hooks/useOperatorOverview';

function Figure({
  label,
  value,
  detail,
  to,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: string;
  to: string;
  testId: string;
}) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }} data-testid={testId}>
        <CardContent>
          <Typography variant="overline" sx={{ display: 'block', lineHeight: 1.4 }}>
            {label}
          </Typography>
          <Typography variant="h4" component="p">
            {value}
          </Typography>
          {detail && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {detail}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** The operator's home: dealers, stock held by dealers, this month's sales, unpaid invoices, failed jobs. */
export function OperatorHome() {
  const t = useT();
  const q = useOperatorOverview();
  if (q.isPending) return <LoadingRows rows={4} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const stockTotal = o.stock.reduce((n, s) => n + s.quantity, 0);
  return (
    <Box data-testid="operator-home">
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Figure
            testId="figure-dealers"
            label={t('operatorHome.dealers')}
            value={o.dealers.primary + o.dealers.secondary}
            detail={t('operatorHome.dealersDetail', {
              primary: o.dealers.primary,
              secondary: o.dealers.secondary,
            })}
            to="/dealers"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Figure
            testId="figure-stock"
            label={t('operatorHome.stock')}
            value={stockTotal}
            detail={
              o.stock.map((s) => `${s.skuCode} ${s.quantity}`).join(' · ') || t('operatorHome.stockNone')
            }
            to="/dealers"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Figure
            testId="figure-sales"
            label={t('operatorHome.sales')}
            value={formatYen(o.salesThisMonth.total)}
            detail={t('operatorHome.salesDetail', { count: o.salesThisMonth.invoices })}
            to="/invoices"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Figure
            testId="figure-unpaid"
            label={t('operatorHome.unpaid')}
            value={formatYen(o.unpaidInvoices.amountDue)}
            detail={t('operatorHome.unpaidDetail', {
              count: o.unpaidInvoices.count,
              overdue: o.unpaidInvoices.overdue,
            })}
            to="/invoices"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Figure
            testId="figure-jobs"
            label={t('operatorHome.failedJobs')}
            value={o.failedJobRuns}
            detail={t('operatorHome.failedJobsDetail')}
            to="/jobs"
          />
        </Grid>
      </Grid>
    </Box>
  );
}
