import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { Box, Card, CardContent, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { OrderStatusChip } from '../../billing/components/OrderStatusChip';
import { formatYen } from '../../billing/formatYen';
import { useDealerOverview } from '../hooks/useOperatorOverview';

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

/** One dealer for the operator: profile, tier and parent, stock, customers, secondary dealers, orders. */
export function DealerDetailPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const { id = '' } = useParams();
  const q = useDealerOverview(id);
  const back = <BackButton to="/dealers">{t('dealerDetail.back')}</BackButton>;
  if (q.isPending || q.isError) return <DetailPageFallback back={back} query={q} loadingRows={6} />;
  const { dealer: d, parent, stock, customers, secondaryDealers, orders } = q.data;
  return (
    <Box>
      {back}
      <PageHeader title={d.companyName} subtitle={`${d.loginId} · ${t(`dealers.tier.${d.tier}`)}`} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Section title={t('dealerDetail.profile')}>
          <FactList
            facts={[
              [t('dealers.col.loginId'), d.loginId],
              [t('dealers.col.tier'), t(`dealers.tier.${d.tier}`)],
              [
                t('dealerDetail.parent'),
                parent ? (
                  <Link component={RouterLink} to={`/dealers/${parent.id}`}>
                    {parent.companyName} ({parent.loginId})
                  </Link>
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
    </Box>
  );
}
