import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { InvoiceStatusChip } from '../../billing/components/InvoiceStatusChip';
import { OrderStatusChip } from '../../billing/components/OrderStatusChip';
import { formatYen } from '../../billing/formatYen';
import { useDealerDashboard } from '../hooks/useDealerDashboard';
import { RenewalRequestsCard } from '../../renewal-requests/components/RenewalRequestsCard';
import { EndingByMonthChart } from './EndingByMonthChart';
import { EndingSoonCard } from './EndingSoonCard';

function Empty({ text }: { text: string }) {
  return (
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {text}
    </Typography>
  );
}

/** Stock per SKU, licenses ending per month, recent assignments, open orders, unpaid invoices. */
export function DealerDashboard() {
  const t = useT();
  const { lang } = useLang();
  const format = useFormatDateTime();
  const dash = useDealerDashboard();
  if (dash.isPending) return <LoadingRows rows={6} />;
  if (dash.isError) return <ErrorState error={dash.error} onRetry={() => void dash.refetch()} />;
  const d = dash.data;
  const invoices = [...d.unpaidInvoices, ...d.receivables];
  return (
    <Box data-testid="dealer-dashboard">
      <Grid container spacing={2} sx={{ mb: 2 }}>
        {d.stock.map((s) => (
          <Grid key={s.skuCode} size={{ xs: 6, sm: 4, md: 2 }}>
            <Card variant="outlined">
              <CardContent>
                <Typography variant="overline" sx={{ display: 'block', lineHeight: 1.4 }}>
                  {s.skuCode}
                </Typography>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  {s.name[lang]}
                </Typography>
                <Typography variant="h4" component="p">
                  {s.quantity}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <EndingSoonCard />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <RenewalRequestsCard />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Card variant="outlined">
            <CardHeader
              title={t('licenses.dashboard.ending')}
              subheader={t('licenses.dashboard.endingHint')}
              slotProps={{ title: { variant: 'h6' } }}
            />
            <CardContent>
              <EndingByMonthChart data={d.endingByMonth} />
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader
              title={t('licenses.dashboard.recent')}
              slotProps={{ title: { variant: 'h6' } }}
              action={
                <Link component={RouterLink} to="/assignments" variant="body2">
                  {t('licenses.dashboard.all')}
                </Link>
              }
            />
            <CardContent>
              {d.recentAssignments.length === 0 ? (
                <Empty text={t('licenses.history.empty')} />
              ) : (
                <List dense disablePadding>
                  {d.recentAssignments.map((a) => (
                    <ListItem key={a.id} disableGutters>
                      <ListItemText
                        primary={
                          <>
                            <Link component={RouterLink} to={`/customers/${a.customerId}`}>
                              {a.customerName}
                            </Link>
                            {` — ${a.skuCode} × ${a.quantity}`}
                          </>
                        }
                        secondary={format(a.assignedAt)}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card variant="outlined">
            <CardHeader
              title={t('licenses.dashboard.openOrders')}
              slotProps={{ title: { variant: 'h6' } }}
              action={
                <Link component={RouterLink} to="/orders" variant="body2">
                  {t('licenses.dashboard.all')}
                </Link>
              }
            />
            <CardContent>
              {d.openOrders.length === 0 ? (
                <Empty text={t('licenses.dashboard.noOpenOrders')} />
              ) : (
                <List dense disablePadding>
                  {d.openOrders.map((o) => (
                    <ListItem
                      key={o.id}
                      disableGutters
                      secondaryAction={<OrderStatusChip status={o.status} />}
                    >
                      <ListItemText
                        primary={`#${o.number} ${o.counterparty} — ${formatYen(o.total)}`}
                        secondary={
                          <>
                            {format(o.createdAt)}
                            {o.role === 'supplier' && (
                              <Chip size="small" sx={{ ml: 1 }} label={t('licenses.dashboard.asSupplier')} />
                            )}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card variant="outlined">
            <CardHeader
              title={t('licenses.dashboard.unpaid')}
              slotProps={{ title: { variant: 'h6' } }}
              action={
                <Link component={RouterLink} to="/invoices" variant="body2">
                  {t('licenses.dashboard.all')}
                </Link>
              }
            />
            <CardContent>
              {invoices.length === 0 ? (
                <Empty text={t('licenses.dashboard.noUnpaid')} />
              ) : (
                <List dense disablePadding>
                  {invoices.map((i) => (
                    <ListItem
                      key={i.id}
                      disableGutters
                      secondaryAction={<InvoiceStatusChip status={i.status} />}
                    >
                      <ListItemText
                        primary={`${i.invoiceNumber} ${i.counterparty} — ${formatYen(i.amountDue)}`}
                        secondary={t('licenses.dashboard.dueOn', {
                          date: format(i.dueAt, { dateOnly: true }),
                        })}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}
