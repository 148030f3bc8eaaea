import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import {
  BULK_COMMAND_KINDS,
  THUMBNAIL_CACHE_INTERVALS,
  type BulkCommandKind,
  type BulkCommandResult,
} from '@lc/shared';
import { ErrorState } from '../../../app/components/ErrorState';
import { FullPageLoading } from '../../../app/components/FullPageLoading';
import { PageHeader } from '../../../app/components/PageHeader';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { localInputToIso } from '../../../app/i18n/localInputToIso';
import { useT } from '../../../app/i18n/useT';
import type { BulkCommand } from '../../../api/events';
import { useDevices } from '../../devices/hooks/useDevices';
import { deviceDisplayName } from '../../devices/tree';
import { useBulkCommand } from '../hooks/useEventsFeature';
import { bulkFailure } from '../bulkFailure';

/**
 * Bulk operations on recorders (seed 001 §4.2.10–4.2.11): choose recorders, then reserve a
 * firmware update, restart, or set the thumbnail cache (on with an interval, or off); every
 * recorder gets its own result.
 */
export function BulkOperationsPage() {
  const t = useT();
  const devices = useDevices({});
  const bulk = useBulkCommand();
  const [kind, setKind] = useState<BulkCommandKind>('firmware_update');
  const [selected, setSelected] = useState<string[]>([]);
  const [at, setAt] = useState('');
  const [thumbOn, setThumbOn] = useState(true);
  const [interval, setIntervalMinutes] = useState<number>(THUMBNAIL_CACHE_INTERVALS[1]);
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<BulkCommandResult[] | null>(null);
  const recorders = (devices.data ?? []).filter((d) => d.type === 'recorder');
  const atIso = localInputToIso(at);
  const atError = kind === 'firmware_update' && (!atIso || new Date(atIso) <= new Date());
  const noneSelected = selected.length === 0;

  const command = (): BulkCommand => ({
    deviceIds: selected,
    kind,
    ...(kind === 'firmware_update' ? { at: atIso } : {}),
    ...(kind === 'thumbnail_cache'
      ? { payload: thumbOn ? { enabled: true, intervalMinutes: interval } : { enabled: false } }
      : {}),
  });
  const run = () =>
    bulk.mutate(command(), {
      onSuccess: (r) => {
        setResults(r.results);
        setConfirming(false);
      },
      onError: () => setConfirming(false),
    });

  if (devices.isPending) return <FullPageLoading />;
  if (devices.isError) return <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />;

  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeader title={t('bulk.title')} subtitle={t('bulk.subtitle')} />
      <Tabs
        value={kind}
        onChange={(_, v: BulkCommandKind) => {
          setKind(v);
          setResults(null);
          bulk.reset();
        }}
        sx={{ mb: 2 }}
      >
        {BULK_COMMAND_KINDS.map((k) => (
          <Tab key={k} value={k} label={t(`bulk.kind.${k}`)} />
        ))}
      </Tabs>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
              {t('bulk.recorders')}
            </Typography>
            {recorders.length > 0 && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={selected.length === recorders.length}
                    indeterminate={selected.length > 0 && selected.length < recorders.length}
                    onChange={(e) => setSelected(e.target.checked ? recorders.map((d) => d.id) : [])}
                  />
                }
                label={t('bulk.selectAll')}
              />
            )}
          </Box>
          {recorders.length === 0 ? (
            <Typography sx={{ color: 'text.secondary' }}>{t('bulk.none')}</Typography>
          ) : (
            <Stack>
              {recorders.map((d) => (
                <FormControlLabel
                  key={d.id}
                  control={
                    <Checkbox
                      checked={selected.includes(d.id)}
                      onChange={(e) =>
                        setSelected((s) => (e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id)))
                      }
                    />
                  }
                  label={d.name ? `${d.name} (${d.model})` : deviceDisplayName(d)}
                />
              ))}
            </Stack>
          )}
          {noneSelected && recorders.length > 0 && (
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('bulk.selectSome')}
            </Typography>
          )}
        </CardContent>
      </Card>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          {kind === 'firmware_update' && (
            <TextField
              size="small"
              type="datetime-local"
              label={t('bulk.at')}
              value={at}
              onChange={(e) => setAt(e.target.value)}
              error={at !== '' && atError}
              helperText={at !== '' && atError ? t('bulk.atFuture') : ' '}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          )}
          {kind === 'thumbnail_cache' && (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
              <RadioGroup
                row
                value={thumbOn ? 'on' : 'off'}
                onChange={(e) => setThumbOn(e.target.value === 'on')}
              >
                <FormControlLabel value="on" control={<Radio />} label={t('bulk.on')} />
                <FormControlLabel value="off" control={<Radio />} label={t('bulk.off')} />
              </RadioGroup>
              {thumbOn && (
                <TextField
                  select
                  size="small"
                  label={t('bulk.interval')}
                  value={interval}
                  onChange={(e) => setIntervalMinutes(Number(e.target.value))}
                  sx={{ minWidth: 160 }}
                >
                  {THUMBNAIL_CACHE_INTERVALS.map((n) => (
                    <MenuItem key={n} value={n}>
                      {t('bulk.minutes', { n })}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            </Box>
          )}
          <Typography variant="body2" sx={{ color: 'text.secondary', my: 1 }}>
            {t(`bulk.confirm.${kind}`)}
          </Typography>
          <Button variant="contained" disabled={noneSelected || atError} onClick={() => setConfirming(true)}>
            {t('bulk.run')}
          </Button>
        </CardContent>
      </Card>
      {bulk.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {apiErrorMessage(t, bulk.error)}
        </Alert>
      )}
      {results && (
        <Card>
          <CardContent>
            <Typography variant="subtitle1" component="h2">
              {t('bulk.results')}
            </Typography>
            <Table size="small" aria-label={t('bulk.results')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('bulk.recorders')}</TableCell>
                  <TableCell>{t(('bulk.kind.' + kind) as 'bulk.kind.restart')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {results.map((r) => (
                  <TableRow key={r.deviceId} data-testid="bulk-result">
                    <TableCell>{r.deviceName ?? r.deviceId}</TableCell>
                    <TableCell>
                      {r.ok ? (
                        <Chip size="small" color="success" label={t('bulk.ok')} />
                      ) : (
                        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                          <Chip size="small" color="error" label={t('bulk.failed')} />
                          <Typography variant="body2">{bulkFailure(t, r)}</Typography>
                        </Box>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{t('bulk.confirmTitle', { count: selected.length })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t(`bulk.confirm.${kind}`)}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('evf.cancel')}</Button>
          <Button variant="contained" loading={bulk.isPending} onClick={run}>
            {t('bulk.yes')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
