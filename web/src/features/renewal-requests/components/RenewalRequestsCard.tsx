import { useState } from 'react';
import { requestCameraName } from '../requestCameraName';
import { Link as RouterLink } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import type { RenewalRequestView } from '@lc/shared';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useHandleRenewalRequest, useRenewalRequests } from '../hooks/useRenewalRequests';

/** Where "Assign licenses" of a request leads: the wizard, for that customer, remembering the request. */
export function assignPathFor(r: Pick<RenewalRequestView, 'id' | 'customerId'>): string {
  return `/assignments/new?customerId=${encodeURIComponent(r.customerId)}&renewalRequest=${encodeURIComponent(r.id)}`;
}

/** The dealer's open renewal requests: who asks for which camera, with one click to the wizard. */
export function RenewalRequestsCard() {
  const t = useT();
  const format = useFormatDateTime();
  const requests = useRenewalRequests('open');
  const handle = useHandleRenewalRequest();
  const [done, setDone] = useState(false);

  let body;
  if (requests.isPending) body = <LoadingRows rows={2} />;
  else if (requests.isError)
    body = <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />;
  else if (requests.data.length === 0)
    body = (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('renewalRequests.empty')}
      </Typography>
    );
  else
    body = (
      <List dense disablePadding>
        {requests.data.map((r) => (
          <ListItem
            key={r.id}
            disableGutters
            divider
            sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
          >
            <ListItemText
              sx={{ flex: '1 1 240px' }}
              primary={
                <>
                  <Link component={RouterLink} to={`/customers/${r.customerId}`}>
                    {r.customerName}
                  </Link>{' '}
                  — {requestCameraName(t, r)}
                </>
              }
              secondary={
                <>
                  {t('renewalRequests.requestedAt', { date: format(r.createdAt) })}
                  {' · '}
                  {r.licenseEndsAt
                    ? t('renewalRequests.endsAt', { date: format(r.licenseEndsAt, { dateOnly: true }) })
                    : t('renewalRequests.noLicense')}
                  {r.note && (
                    <Box component="span" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                      {t('renewalRequests.note', { note: r.note })}
                    </Box>
                  )}
                </>
              }
            />
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button size="small" variant="contained" component={RouterLink} to={assignPathFor(r)}>
                {t('renewalRequests.assign')}
              </Button>
              <Button
                size="small"
                loading={handle.isPending && handle.variables === r.id}
                onClick={() => handle.mutate(r.id, { onSuccess: () => setDone(true) })}
              >
                {t('renewalRequests.markHandled')}
              </Button>
            </Box>
          </ListItem>
        ))}
      </List>
    );

  return (
    <Card variant="outlined" data-testid="renewal-requests">
      <CardHeader
        title={t('renewalRequests.title')}
        subheader={t('renewalRequests.subtitle')}
        slotProps={{ title: { variant: 'h6' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {handle.isError && (
          <Alert severity="error" sx={{ mb: 1 }} onClose={() => handle.reset()}>
            {apiErrorMessage(t, handle.error)}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status" sx={{ mb: 1 }} onClose={() => setDone(false)}>
            {t('renewalRequests.handled')}
          </Alert>
        )}
        {body}
      </CardContent>
    </Card>
  );
}
