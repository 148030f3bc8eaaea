import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Paper, Tab, Tabs, Typography } from '@mui/material';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import Edit from '@mui/icons-material/Edit';
import SupervisorAccountOutlined from '@mui/icons-material/SupervisorAccountOutlined';
import { BackButton, DetailPageFallback } from '../../../app/components/DetailPageFallback';
import { FactList } from '../../../app/components/FactList';
import { PageHeader } from '../../../app/components/PageHeader';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { AuditLog } from '../../audit/components/AuditLog';
import { DeviceTree } from '../../devices/components/DeviceTree';
import { PoolPanel } from '../../devices/components/PoolPanel';
import { CustomerLicensesTable } from '../../licenses/components/CustomerLicensesTable';
import { OpenProxyDialog } from '../../proxy/components/OpenProxyDialog';
import type { ProxyEndReason } from '../../proxy/hooks/useExitProxySession';
import { EditCustomerEmailDialog } from '../components/EditCustomerEmailDialog';
import { useCustomer } from '../hooks/useCustomer';

const TABS = ['overview', 'licenses', 'devices', 'audit'] as const;
type TabName = (typeof TABS)[number];
const isTab = (v: string | null): v is TabName => (TABS as readonly (string | null)[]).includes(v);

export function CustomerDetailPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const { id = '' } = useParams();
  const location = useLocation();
  const proxyEnded = (location.state as { proxyEnded?: ProxyEndReason } | null)?.proxyEnded;
  const customer = useCustomer(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('tab');
  const tab: TabName = isTab(asked) ? asked : 'overview';
  // The tab lives in the address (`?tab=licenses`): links and the back button open the same tab.
  const setTab = (v: TabName) => setSearchParams(v === 'overview' ? {} : { tab: v }, { replace: true });
  const [editing, setEditing] = useState(false);
  const [emailSaved, setEmailSaved] = useState(false);
  const [proxyOpen, setProxyOpen] = useState(false);

  const back = <BackButton to="/customers">{t('customers.detail.back')}</BackButton>;
  if (customer.isPending || customer.isError) {
    return <DetailPageFallback back={back} query={customer} loadingRows={4} />;
  }
  const c = customer.data;
  const facts: Array<[string, string]> = [
    [t('customers.field.email'), c.email],
    [t('customers.field.language'), t(`language.${c.language}`)],
    [t('customers.detail.timeZone'), c.timeZone],
    [t('customers.detail.createdAt'), fmt(c.createdAt)],
    [
      t('customers.detail.firstAssignedAt'),
      c.firstAssignedAt ? fmt(c.firstAssignedAt) : t('customers.detail.none'),
    ],
  ];

  return (
    <Box>
      {back}
      <PageHeader
        title={c.name}
        subtitle={c.email}
        actions={
          <Button
            variant="contained"
            startIcon={<SupervisorAccountOutlined />}
            onClick={() => setProxyOpen(true)}
            disabled={c.deactivatedAt !== null}
          >
            {t('proxy.open.button')}
          </Button>
        }
      />
      {c.deactivatedAt && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="customer-deactivated">
          {t('customers.detail.deactivated', { at: fmt(c.deactivatedAt) })}
        </Alert>
      )}
      {proxyEnded && (
        <Alert severity="info" role="status" sx={{ mb: 2 }} data-testid="proxy-ended">
          {proxyEnded === 'expired' ? t('proxy.ended.expired') : t('proxy.ended.exited')}
        </Alert>
      )}
      {emailSaved && (
        <Alert severity="success" role="status" onClose={() => setEmailSaved(false)} sx={{ mb: 2 }}>
          {t('customers.detail.emailSaved')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="overview" label={t('customers.detail.tabOverview')} />
        <Tab value="licenses" label={t('customers.detail.tabLicenses')} />
        <Tab value="devices" label={t('devices.customerTab')} />
        <Tab value="audit" label={t('customers.detail.tabAudit')} />
      </Tabs>
      {tab === 'overview' && (
        <Card variant="outlined" sx={{ maxWidth: 720 }}>
          <CardContent>
            <FactList facts={facts} />
            <Box sx={{ mt: 2 }}>
              {c.emailEditable ? (
                <Button startIcon={<Edit />} variant="outlined" onClick={() => setEditing(true)}>
                  {t('customers.detail.editEmail')}
                </Button>
              ) : (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('customers.detail.emailLocked')}
                </Typography>
              )}
            </Box>
          </CardContent>
        </Card>
      )}
      {tab === 'licenses' && (
        <Paper variant="outlined" data-testid="customer-licenses-tab">
          <CustomerLicensesTable customerId={c.id} timeZone={c.timeZone} />
        </Paper>
      )}
      {tab === 'devices' && (
        <Box data-testid="customer-devices-tab">
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>
            <Button
              component={RouterLink}
              to={`/assignments/new?customerId=${encodeURIComponent(c.id)}`}
              variant="contained"
              startIcon={<AssignmentTurnedInOutlined />}
              data-testid="devices-assign-licenses"
            >
              {t('customers.detail.assignLicenses')}
            </Button>
          </Box>
          <PoolPanel customerId={c.id} timeZone={c.timeZone} />
          <DeviceTree customerId={c.id} timeZone={c.timeZone} />
        </Box>
      )}
      {tab === 'audit' && <AuditLog customerId={c.id} />}
      {editing && (
        <EditCustomerEmailDialog
          open
          customerId={c.id}
          email={c.email}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setEmailSaved(true);
          }}
        />
      )}
      <OpenProxyDialog
        open={proxyOpen}
        customerId={c.id}
        customerName={c.name}
        onClose={() => setProxyOpen(false)}
      />
    </Box>
  );
}
