import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { WebhookDeliveryStatus, WebhookEndpointView } from '@lc/shared';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useDeliveries, useWebhookActions } from '../hooks/useIntegrations';
import { eventLabelKey } from './EndpointDialog';

const STATUS_COLOR: Record<WebhookDeliveryStatus, 'default' | 'warning' | 'success' | 'error'> = {
  pending: 'default',
  retrying: 'warning',
  succeeded: 'success',
  failed: 'error',
};

/** One endpoint's deliveries, newest first: status, attempts, last answer and an excerpt; redeliver. */
export function DeliveriesPanel({ endpoint }: { endpoint: WebhookEndpointView }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const query = useDeliveries(endpoint.id);
  const { redeliver } = useWebhookActions();
  const [done, setDone] = useState(false);
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {t('integrations.deliveriesOf', { url: endpoint.url })}
      </Typography>
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(false)} sx={{ mb: 1 }}>
          {t('integrations.redelivered')}
        </Alert>
      )}
      {redeliver.error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {apiErrorMessage(t, redeliver.error)}
        </Alert>
      )}
      <QueryTablePanel query={query} emptyTitle={t('integrations.deliveriesEmpty')}>
        {(rows) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('integrations.col.createdAt')}</TableCell>
                  <TableCell>{t('integrations.col.type')}</TableCell>
                  <TableCell>{t('integrations.col.status')}</TableCell>
                  <TableCell align="right">{t('integrations.col.attempts')}</TableCell>
                  <TableCell>{t('integrations.col.lastCode')}</TableCell>
                  <TableCell>{t('integrations.col.excerpt')}</TableCell>
                  <TableCell>{t('integrations.col.next')}</TableCell>
                  <TableCell>{t('integrations.col.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{fmt(d.createdAt)}</TableCell>
                    <TableCell>{t(eventLabelKey(d.type))}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={STATUS_COLOR[d.status]}
                        label={t(`integrations.delivery.${d.status}`)}
                      />
                    </TableCell>
                    <TableCell align="right">{d.attempts}</TableCell>
                    <TableCell>
                      {d.lastStatusCode ?? (d.attempts ? (d.lastError ?? t('integrations.noAnswer')) : '—')}
                    </TableCell>
                    <TableCell
                      sx={{
                        maxWidth: 240,
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                      }}
                    >
                      <Box
                        component="span"
                        sx={{ fontFamily: 'monospace' }}
                        title={d.lastResponseExcerpt ?? undefined}
                      >
                        {d.lastResponseExcerpt ? d.lastResponseExcerpt.slice(0, 120) : '—'}
                      </Box>
                    </TableCell>
                    <TableCell>{d.nextAttemptAt ? fmt(d.nextAttemptAt) : '—'}</TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        disabled={redeliver.isPending || d.status === 'pending'}
                        onClick={() =>
                          redeliver.mutate(
                            { endpointId: endpoint.id, deliveryId: d.id },
                            { onSuccess: () => setDone(true) },
                          )
                        }
                      >
                        {t('integrations.redeliver')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
    </Box>
  );
}
