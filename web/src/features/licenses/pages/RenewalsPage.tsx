import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import AddShoppingCartOutlined from '@mui/icons-material/AddShoppingCartOutlined';
import AutorenewOutlined from '@mui/icons-material/AutorenewOutlined';
import { RENEWAL_WINDOWS, type RenewalWindow } from '@lc/shared';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import type { OrdersPageState } from '../../billing/pages/OrdersPage';
import { useOrderShortfall, useRenewals } from '../hooks/useRenewals';
import { CustomerLink } from '../../../app/components/CustomerLink';

/** Licenses ending soon per customer, those already waiting in the pool, and the shortfall to order. */
export function RenewalsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [within, setWithin] = useState<RenewalWindow>(() => {
    const asked = Number(params.get('within'));
    return RENEWAL_WINDOWS.find((w) => w === asked) ?? 30;
  });
  const renewals = useRenewals(within);
  const shortfall = useOrderShortfall();
  const [nothing, setNothing] = useState(false);
  const totalShortfall = renewals.data?.totals.reduce((n, k) => n + k.shortfall, 0) ?? 0;

  const orderIt = () => {
    setNothing(false);
    shortfall.mutate(within, {
      onSuccess: ({ lines }) => {
        if (lines.length === 0) setNothing(true);
        else void navigate('/orders', { state: { orderLines: lines } satisfies OrdersPageState });
      },
    });
  };

  return (
    <Box>
      <PageHeader
        title={t('licenses.renewals.title')}
        subtitle={t('licenses.renewals.subtitle')}
        actions={
          <Button
            variant="contained"
            startIcon={<AddShoppingCartOutlined />}
            disabled={totalShortfall === 0 || shortfall.isPending}
            onClick={orderIt}
          >
            {t('licenses.renewals.orderShortfall')}
          </Button>
        }
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={within}
        onChange={(_, v: RenewalWindow | null) => v && setWithin(v)}
        sx={{ mb: 2 }}
        aria-label={t('licenses.renewals.window')}
      >
        {RENEWAL_WINDOWS.map((d) => (
          <ToggleButton key={d} value={d}>
            {t('licenses.renewals.days', { days: d })}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {shortfall.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {apiErrorMessage(t, shortfall.error)}
        </Alert>
      )}
      {nothing && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => setNothing(false)}>
          {t('licenses.renewals.coveredByStock')}
        </Alert>
      )}
      <Box sx={{ height: 4, mb: 1 }}>{renewals.isFetching && !renewals.isPending && <LinearProgress />}</Box>
      {renewals.isPending ? (
        <LoadingRows rows={5} />
      ) : renewals.isError ? (
        <ErrorState error={renewals.error} onRetry={() => void renewals.refetch()} />
      ) : (
        <>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            {renewals.data.totals.map((k) => (
              <Grid key={k.kind} size={{ xs: 12, sm: 6 }}>
                <Card variant="outlined">
                  <CardContent>
                    <Typography variant="overline">{t(`licenses.kind.${k.kind}`)}</Typography>
                    <Typography>
                      {t('licenses.renewals.totals', {
                        ending: k.ending,
                        waiting: k.waiting,
                        shortfall: k.shortfall,
                      })}
                    </Typography>
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>
          <Paper variant="outlined">
            {renewals.data.customers.length === 0 ? (
              <EmptyState
                icon={<AutorenewOutlined fontSize="inherit" />}
                title={t('common.nothingHereYet')}
                description={t('licenses.renewals.empty', { days: within })}
              />
            ) : (
              <TableContainer>
                <Table size="small" aria-label={t('licenses.renewals.title')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('licenses.history.customer')}</TableCell>
                      <TableCell>{t('licenses.col.kind')}</TableCell>
                      <TableCell align="right">{t('licenses.renewals.ending')}</TableCell>
                      <TableCell align="right">{t('licenses.renewals.waiting')}</TableCell>
                      <TableCell align="right">{t('licenses.renewals.shortfall')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {renewals.data.customers.flatMap((c) =>
                      c.kinds.map((k, i) => (
                        <TableRow key={`${c.customerId}-${k.kind}`}>
                          <TableCell>
                            {i === 0 && (
                              <>
                                <CustomerLink id={c.customerId} name={c.customerName} />
                                <Box
                                  component="span"
                                  sx={{ display: 'block', color: 'text.secondary', fontSize: 12 }}
                                >
                                  {c.customerEmail}
                                </Box>
                              </>
                            )}
                          </TableCell>
                          <TableCell>{t(`licenses.kind.${k.kind}`)}</TableCell>
                          <TableCell align="right">{k.ending}</TableCell>
                          <TableCell align="right">{k.waiting}</TableCell>
                          <TableCell align="right" sx={{ color: k.shortfall > 0 ? 'error.main' : undefined }}>
                            {k.shortfall}
                          </TableCell>
                        </TableRow>
                      )),
                    )}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Paper>
        </>
      )}
    </Box>
  );
}
