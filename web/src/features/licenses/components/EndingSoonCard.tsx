import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  List,
  ListItem,
  ListItemText,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { RENEWAL_WINDOWS, type RenewalWindow } from '@lc/shared';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { useT } from '../../../app/i18n/useT';
import type { OrdersPageState } from '../../billing/pages/OrdersPage';
import { useRenewals } from '../hooks/useRenewals';
import { shortfallLines } from '../renewalShortfall';

const SHOWN = 8;

/** The dealer's "what ends soon, and what do I do?": per customer, the shortfall with Assign / Order. */
export function EndingSoonCard() {
  const t = useT();
  const [within, setWithin] = useState<RenewalWindow>(30);
  const renewals = useRenewals(within);

  let body;
  if (renewals.isPending) body = <LoadingRows rows={3} />;
  else if (renewals.isError)
    body = <ErrorState error={renewals.error} onRetry={() => void renewals.refetch()} />;
  else if (renewals.data.customers.length === 0)
    body = (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('licenses.dashboard.soonNone', { days: within })}
      </Typography>
    );
  else {
    const rows = renewals.data.customers;
    body = (
      <>
        <List dense disablePadding>
          {rows.slice(0, SHOWN).map((c) => {
            const lines = shortfallLines(c);
            return (
              <ListItem
                key={c.customerId}
                disableGutters
                divider
                sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
              >
                <ListItemText
                  sx={{ flex: '1 1 240px' }}
                  primary={
                    <Link component={RouterLink} to={`/customers/${c.customerId}`}>
                      {c.customerName}
                    </Link>
                  }
                  secondary={
                    lines.length === 0
                      ? t('licenses.dashboard.soonCovered')
                      : c.kinds
                          .filter((k) => k.shortfall > 0)
                          .map((k) =>
                            t('licenses.dashboard.soonLine', {
                              kind: t(`licenses.kind.${k.kind}`),
                              ending: k.ending,
                              waiting: k.waiting,
                              shortfall: k.shortfall,
                            }),
                          )
                          .join(' / ')
                  }
                />
                {lines.length > 0 && (
                  <Box sx={{ display: 'flex', gap: 1 }}>
                    <Button
                      size="small"
                      variant="contained"
                      component={RouterLink}
                      to={`/assignments/new?customerId=${encodeURIComponent(c.customerId)}`}
                    >
                      {t('licenses.dashboard.assign')}
                    </Button>
                    <Button
                      size="small"
                      component={RouterLink}
                      to="/orders"
                      state={{ orderLines: lines } satisfies OrdersPageState}
                    >
                      {t('licenses.dashboard.order')}
                    </Button>
                  </Box>
                )}
              </ListItem>
            );
          })}
        </List>
        {rows.length > SHOWN && (
          <Link
            component={RouterLink}
            to={`/renewals?within=${within}`}
            variant="body2"
            sx={{ mt: 1, display: 'block' }}
          >
            {t('licenses.dashboard.soonMore', { count: rows.length - SHOWN })}
          </Link>
        )}
      </>
    );
  }

  return (
    <Card variant="outlined" data-testid="ending-soon">
      <CardHeader
        title={t('licenses.dashboard.soon')}
        subheader={t('licenses.dashboard.soonSubtitle', { days: within })}
        slotProps={{ title: { variant: 'h6' } }}
        action={
          <ToggleButtonGroup
            exclusive
            size="small"
            value={within}
            onChange={(_, v: RenewalWindow | null) => v && setWithin(v)}
            aria-label={t('licenses.renewals.window')}
          >
            {RENEWAL_WINDOWS.map((w) => (
              <ToggleButton key={w} value={w}>
                {t('licenses.renewals.days', { days: w })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        }
      />
      <CardContent sx={{ pt: 0 }}>{body}</CardContent>
    </Card>
  );
}
