import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import Add from '@mui/icons-material/Add';
import { API_KEY_NAME_MAX, textProblem, type ApiKeyView } from '@lc/shared';
import { useFieldChecks } from '../../../app/forms/useFieldChecks';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { useApiKeyActions, useApiKeys } from '../hooks/useIntegrations';
import { ConfirmDialog } from './ConfirmDialog';
import { ShownOnceDialog } from './ShownOnceDialog';

/** The dealer's API keys (owners): create (shown once), last use, revoke. */
export function ApiKeysPanel({ isOwner }: { isOwner: boolean }) {
  const t = useT();
  const fmt = useFormatDateTime();
  const query = useApiKeys(isOwner);
  const { create, revoke } = useApiKeyActions();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const checks = useFieldChecks();
  const nameProblem = textProblem(name, { required: true, max: API_KEY_NAME_MAX });
  const nameChecks = checks.props(
    'name',
    nameProblem,
    create.error ? apiErrorMessage(t, create.error) : undefined,
  );
  const nameMissing = touched && !name.trim();

  return (
    <Box sx={{ mt: 5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('integrations.apiKeys')}
        </Typography>
        {isOwner && (
          <Button startIcon={<Add />} variant="outlined" onClick={() => setCreating(true)}>
            {t('integrations.createKey')}
          </Button>
        )}
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {t('integrations.apiKeysIntro')}
      </Typography>
      {!isOwner ? (
        <Alert severity="info">{t('integrations.apiKeysOwnerOnly')}</Alert>
      ) : (
        <QueryTablePanel query={query} emptyTitle={t('integrations.keysEmpty')}>
          {(rows) => (
            <TableContainer>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('integrations.col.name')}</TableCell>
                    <TableCell>{t('integrations.col.prefix')}</TableCell>
                    <TableCell>{t('integrations.col.created')}</TableCell>
                    <TableCell>{t('integrations.col.lastUsed')}</TableCell>
                    <TableCell>{t('integrations.col.status')}</TableCell>
                    <TableCell>{t('integrations.col.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((k) => (
                    <TableRow key={k.id}>
                      <TableCell>{k.name}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{k.prefix}…</TableCell>
                      <TableCell>{fmt(k.createdAt)}</TableCell>
                      <TableCell>{k.lastUsedAt ? fmt(k.lastUsedAt) : t('integrations.never')}</TableCell>
                      <TableCell>
                        {k.revokedAt ? (
                          <Chip size="small" label={t('integrations.revoked', { at: fmt(k.revokedAt) })} />
                        ) : (
                          <Chip size="small" color="success" label={t('integrations.active')} />
                        )}
                      </TableCell>
                      <TableCell>
                        {!k.revokedAt && (
                          <Button size="small" color="error" onClick={() => setRevoking(k)}>
                            {t('integrations.revoke')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </QueryTablePanel>
      )}

      <Dialog open={creating} onClose={() => setCreating(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{t('integrations.keyTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            name="name"
            label={t('integrations.field.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            fullWidth
            margin="normal"
            {...nameChecks}
            error={nameMissing || nameChecks.error}
            helperText={nameMissing ? t('integrations.field.nameRequired') : nameChecks.helperText}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCreating(false)}>{t('integrations.cancel')}</Button>
          <Button
            variant="contained"
            disabled={create.isPending || nameProblem?.kind === 'tooLong'}
            onClick={() => {
              setTouched(true);
              if (nameProblem) return;
              create.mutate(name.trim(), {
                onSuccess: (k) => {
                  setCreating(false);
                  setName('');
                  setTouched(false);
                  setShown(k.key);
                },
              });
            }}
          >
            {t('integrations.save')}
          </Button>
        </DialogActions>
      </Dialog>
      <ShownOnceDialog
        title={t('integrations.apiKeys')}
        intro={t('integrations.keyShown')}
        value={shown}
        onClose={() => setShown(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('integrations.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('integrations.revokeBody')}
        confirmLabel={t('integrations.revoke')}
        danger
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      />
    </Box>
  );
}
