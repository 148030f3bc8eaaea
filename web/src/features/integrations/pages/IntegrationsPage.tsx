import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import type { WebhookEndpointView } from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { ApiKeysPanel } from '../components/ApiKeysPanel';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DeliveriesPanel } from '../components/DeliveriesPanel';
import { EndpointDialog, eventLabelKey } from '../components/EndpointDialog';
import { ShownOnceDialog } from '../components/ShownOnceDialog';
import { useWebhookActions, useWebhooks } from '../hooks/useIntegrations';

/** Dealer integrations (issue #17): webhook endpoints with their deliveries, and API keys. */
export function IntegrationsPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const user = useCurrentUser();
  const isOwner = user.memberRole === 'owner' && !user.proxy;
  const query = useWebhooks();
  const actions = useWebhookActions();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'delete' | 'rotate'; endpoint: WebhookEndpointView } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const failed = actions.update.error ?? actions.remove.error ?? actions.rotate.error ?? actions.test.error;
  const shownEndpoint = query.data?.find((e) => e.id === selected) ?? null;

  return (
    <Box>
      <PageHeader
        title={t('integrations.title')}
        subtitle={t('integrations.subtitle')}
        actions={
          isOwner && (
            <Button variant="contained" startIcon={<Add />} onClick={() => setAdding(true)}>
              {t('integrations.addEndpoint')}
            </Button>
          )
        }
      />
      {!isOwner && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('integrations.readOnly')}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {apiErrorMessage(t, failed)}
        </Alert>
      )}
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('integrations.webhooks')}
      </Typography>
      <QueryTablePanel query={query} emptyTitle={t('integrations.endpointsEmpty')}>
        {(rows) => (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('integrations.col.url')}</TableCell>
                  <TableCell>{t('integrations.col.events')}</TableCell>
                  <TableCell>{t('integrations.col.status')}</TableCell>
                  <TableCell>{t('integrations.col.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((e) => (
                  <TableRow key={e.id} selected={e.id === selected}>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{e.url}</TableCell>
                    <TableCell>
                      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                        {e.events.map((type) => (
                          <Chip key={type} size="small" variant="outlined" label={t(eventLabelKey(type))} />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={
                          e.status === 'enabled'
                            ? 'success'
                            : e.disabledReason === 'failing'
                              ? 'error'
                              : 'default'
                        }
                        label={
                          e.disabledReason === 'failing'
                            ? t('integrations.status.failing')
                            : t(`integrations.status.${e.status}`)
                        }
                      />
                      {e.failingSince && (
                        <Typography variant="caption" sx={{ display: 'block', color: 'error.main' }}>
                          {t('integrations.failingSince', { at: fmt(e.failingSince) })}
                        </Typography>
                      )}
                      {e.previousSecretExpiresAt && (
                        <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                          {t('integrations.rotationUntil', { at: fmt(e.previousSecretExpiresAt) })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                        <Button size="small" onClick={() => setSelected(e.id === selected ? null : e.id)}>
                          {t('integrations.deliveries')}
                        </Button>
                        {isOwner && (
                          <>
                            <Button
                              size="small"
                              disabled={actions.test.isPending}
                              onClick={() =>
                                actions.test.mutate(e.id, {
                                  onSuccess: () => {
                                    setSelected(e.id);
                                    setNotice(t('integrations.testSent'));
                                  },
                                })
                              }
                            >
                              {t('integrations.test')}
                            </Button>
                            <Button
                              size="small"
                              disabled={actions.update.isPending}
                              onClick={() =>
                                actions.update.mutate({ id: e.id, enabled: e.status !== 'enabled' })
                              }
                            >
                              {e.status === 'enabled' ? t('integrations.disable') : t('integrations.enable')}
                            </Button>
                            <Button size="small" onClick={() => setConfirm({ kind: 'rotate', endpoint: e })}>
                              {t('integrations.rotate')}
                            </Button>
                            <Button
                              size="small"
                              color="error"
                              onClick={() => setConfirm({ kind: 'delete', endpoint: e })}
                            >
                              {t('integrations.delete')}
                            </Button>
                          </>
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </QueryTablePanel>
      {shownEndpoint && <DeliveriesPanel endpoint={shownEndpoint} />}
      <ApiKeysPanel isOwner={isOwner} />

      <EndpointDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(e) => {
          setAdding(false);
          setSecret(e.secret);
          setSelected(e.id);
        }}
      />
      <ShownOnceDialog
        title={t('integrations.secretTitle')}
        intro={t('integrations.secretBody')}
        value={secret}
        onClose={() => setSecret(null)}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'delete' ? t('integrations.deleteTitle') : t('integrations.rotateTitle')}
        body={
          confirm?.kind === 'delete'
            ? t('integrations.deleteBody', { url: confirm.endpoint.url })
            : t('integrations.rotateBody')
        }
        confirmLabel={confirm?.kind === 'delete' ? t('integrations.delete') : t('integrations.rotate')}
        danger={confirm?.kind === 'delete'}
        busy={actions.remove.isPending || actions.rotate.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          const id = confirm.endpoint.id;
          if (confirm.kind === 'delete') {
            actions.remove.mutate(id, {
              onSuccess: () => {
                setConfirm(null);
                if (selected === id) setSelected(null);
              },
            });
          } else {
            actions.rotate.mutate(id, {
              onSuccess: (r) => {
                setConfirm(null);
                setSecret(r.secret);
              },
            });
          }
        }}
      />
    </Box>
  );
}
