import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { OrderStatusChip } from '../../billing/components/OrderStatusChip';
import { formatYen } from '../../billing/formatYen';
import { useDealerOverview } from '../hooks/useOperatorOverview';
import { useDealerSuspension } from '../hooks/useDealerSuspension';
import { ReinstateDealerDialog } from '../components/ReinstateDealerDialog';
import { SuspendDealerDialog } from '../components/SuspendDealerDialog';
import { SuspensionChip } from '../components/SuspensionChip';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function None({ text }: { text: string }) {
  return (
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {text}
    </Typography>
  );
}

/**
 * One dealer for the operator: profile, tier and parent, stock, customers, secondary dealers,
 * orders; suspend and reinstate (each after a confirmation).
 */
export function DealerDetailPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const { id = '' } = useParams();
  const q = useDealerOverview(id);
  const { suspend, reinstate } = useDealerSuspension(id);
  const [dialog, setDialog] = useState<'suspend' | 'reinstate' | null>(null);
  const [done, setDone] = useState<'suspend' | 'reinstate' | null>(null);
  const back = <BackButton to="/dealers">{t('dealerDetail.back')}</BackButton>;
  if (q.isPending || q.isError) return <DetailPageFallback back={back} query={q} loadingRows={6} />;
  const { dealer: d, parent, stock, customers, secondaryDealers, orders } = q.data;
  const closeDialog = () => {
    suspend.reset();
    reinstate.reset();
    setDialog(null);
  };
  return (
    <Box>
      {back}
      <PageHeader
        title={d.companyName}
        subtitle={`${d.loginId} · ${t(`dealers.tier.${d.tier}`)}`}
        actions={
          d.suspension ? (
            <Button variant="outlined" onClick={() => setDialog('reinstate')} data-testid="reinstate-dealer">
              {t('dealers.reinstate.open')}
            </Button>
          ) : (
            <Button
              variant="outlined"
              color="error"
              onClick={() => setDialog('suspend')}
              data-testid="suspend-dealer"
            >
              {t('dealers.suspend.open')}
            </Button>
          )
        }
      />
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)} sx={{ mb: 2 }}>
          {done === 'suspend' ? t('dealers.suspend.done') : t('dealers.reinstate.done')}
        </Alert>
      )}
      {d.suspension && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="dealer-suspended-banner">
          {t('dealerDetail.suspendedBanner', { date: fmt(d.suspension.at) })}
          {d.suspension.reason && (
            <>
              <br />
              {t('dealers.suspension.reasonIs', { reason: d.suspension.reason })}
            </>
          )}
        </Alert>
      )}
      {parent?.suspendedAt && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="parent-suspended-banner">
          {t('dealerDetail.parentSuspended', {
            name: parent.companyName,
            date: fmt(parent.suspendedAt, { dateOnly: true }),
          })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Section title={t('dealerDetail.profile')}>
          <FactList
            facts={[
              [t('dealers.col.loginId'), d.loginId],
              [t('dealers.col.tier'), t(`dealers.tier.${d.tier}`)],
              [
                t('dealerDetail.state'),
                d.suspension ? (
                  <SuspensionChip suspension={d.suspension} />
                ) : (
                  <Chip size="small" variant="outlined" color="success" label={t('dealers.status.active')} />
                ),
                'dealer-state',
              ],
              [
                t('dealerDetail.parent'),
                parent ? (
                  <Box
                    component="span"
                    sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
                  >
                    <Link component={RouterLink} to={`/dealers/${parent.id}`}>
                      {parent.companyName} ({parent.loginId})
                    </Link>
                    {parent.suspendedAt && <SuspensionChip suspension={{ at: parent.suspendedAt }} />}
                  </Box>
                ) : (
                  t('dealerDetail.parentOperator')
                ),
                'dealer-parent',
              ],
              [t('dealerDetail.representative'), d.representativeName ?? '—'],
              [t('dealerDetail.phone'), d.phone ?? '—'],
              [t('dealerDetail.address'), d.address ?? '—'],
              [t('dealerDetail.notificationEmail'), d.notificationEmail],
              [t('dealers.col.createdAt'), fmt(d.createdAt)],
            ]}
          />
        </Section>
        <Section title={t('dealerDetail.stock')}>
          {stock.length === 0 ? (
            <None text={t('dealerDetail.stockNone')} />
          ) : (
            <FactList facts={stock.map((s) => [s.skuCode, String(s.quantity)] as [string, string])} />
          )}
        </Section>
        <Section title={t('dealerDetail.customers', { count: customers.total })}>
          {customers.recent.length === 0 ? (
            <None text={t('dealerDetail.customersNone')} />
          ) : (
            <List dense disablePadding>
              {customers.recent.map((c) => (
                <ListItem key={c.id} disableGutters>
                  <ListItemText
                    primary={c.name}
                    secondary={t('dealerDetail.customerLine', {
                      licenses: c.licenseCount,
                      date: fmt(c.createdAt, { dateOnly: true }),
                    })}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('dealerDetail.orders')}>
          {orders.length === 0 ? (
            <None text={t('dealerDetail.ordersNone')} />
          ) : (
            <List dense disablePadding>
              {orders.map((o) => (
                <ListItem key={o.id} disableGutters secondaryAction={<OrderStatusChip status={o.status} />}>
                  <ListItemText
                    primary={`#${o.number} — ${formatYen(o.total)}`}
                    secondary={fmt(o.createdAt)}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Section>
        {d.tier === 'primary' && (
          <Section title={t('dealerDetail.secondaries')}>
            {secondaryDealers.length === 0 ? (
              <None text={t('dealerDetail.secondariesNone')} />
            ) : (
              <List dense disablePadding>
                {secondaryDealers.map((s) => (
                  <ListItem key={s.id} disableGutters>
                    <Link component={RouterLink} to={`/dealers/${s.id}`}>
                      {s.companyName} ({s.loginId})
                    </Link>
                  </ListItem>
                ))}
              </List>
            )}
          </Section>
        )}
      </Box>
      <SuspendDealerDialog
        open={dialog === 'suspend'}
        dealerName={d.companyName}
        busy={suspend.isPending}
        error={suspend.error}
        onConfirm={(reason) =>
          suspend.mutate(reason, {
            onSuccess: () => {
              setDialog(null);
              setDone('suspend');
            },
          })
        }
        onClose={closeDialog}
      />
      <ReinstateDealerDialog
        open={dialog === 'reinstate'}
        dealerName={d.companyName}
        busy={reinstate.isPending}
        error={reinstate.error}
        onConfirm={() =>
          reinstate.mutate(undefined, {
            onSuccess: () => {
              setDialog(null);
              setDone('reinstate');
            },
          })
        }
        onClose={closeDialog}
      />
    </Box>
  );
}
