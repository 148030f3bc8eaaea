import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import type { MaintenanceLinkView } from '@lc/shared';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import {
  useCreateMaintenanceLink,
  useDeleteMaintenanceLink,
  useMaintenanceLinks,
  useMyDevicesForLinking,
} from '../hooks/useMaintenanceLinks';
import { maintenanceErrorMessage } from '../maintenanceText';

/** Customer portal: link devices to a maintaining dealer (dealer ID + phone), see links, unlink. */
export function RemoteMaintenancePage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const links = useMaintenanceLinks();
  const devices = useMyDevicesForLinking();
  const create = useCreateMaintenanceLink();
  const remove = useDeleteMaintenanceLink();
  const [dealerLoginId, setDealerLoginId] = useState('');
  const [dealerPhone, setDealerPhone] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [unlinking, setUnlinking] = useState<MaintenanceLinkView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const deviceName = (id: string) => {
    const d = devices.data?.find((x) => x.id === id);
    return d ? (d.name ?? d.serial) : id;
  };
  const canSubmit =
    dealerLoginId.trim() !== '' && /[0-9]/.test(dealerPhone) && (scope === 'all' || chosen.length > 0);
  const submit = () => {
    create.mutate(
      {
        dealerLoginId: dealerLoginId.trim(),
        dealerPhone: dealerPhone.trim(),
        ...(scope === 'chosen' ? { deviceIds: chosen } : {}),
      },
      {
        onSuccess: (l) => {
          setNotice(t('maintenance.portal.linked', { dealer: l.dealerCompanyName }));
          setDealerLoginId('');
          setDealerPhone('');
          setChosen([]);
          setScope('all');
        },
      },
    );
  };

  return (
    <Box>
      <PageHeader title={t('maintenance.portal.title')} subtitle={t('maintenance.portal.subtitle')} />
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <Card variant="outlined" sx={{ mb: 3 }}>
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('maintenance.portal.linksTitle')}
          </Typography>
          <QueryTablePanel
            query={links}
            frame="none"
            refetchBar={false}
            loadingRows={2}
            emptyIcon={<BuildOutlined fontSize="inherit" />}
            emptyTitle={t('maintenance.portal.noLinks')}
          >
            {(data) => (
              <List data-testid="maintenance-links">
                {data.map((l) => (
                  <ListItem
                    key={l.id}
                    divider
                    secondaryAction={
                      <Button color="error" onClick={() => setUnlinking(l)}>
                        {t('maintenance.portal.unlink')}
                      </Button>
                    }
                  >
                    <ListItemText
                      primary={`${l.dealerCompanyName} (${l.dealerLoginId})`}
                      secondary={
                        <>
                          {l.allDevices
                            ? t('maintenance.portal.allDevices')
                            : l.deviceIds.map(deviceName).join(', ') ||
                              t('maintenance.portal.devicesCount', { n: 0 })}
                          <br />
                          {t('maintenance.portal.linkedAt', { time: fmt(l.createdAt) })}
                        </>
                      }
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </QueryTablePanel>
        </CardContent>
      </Card>

      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {t('maintenance.portal.formTitle')}
          </Typography>
          {create.isError && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {maintenanceErrorMessage(t, create.error, (iso) => fmt(iso))}
            </Alert>
          )}
          <Stack spacing={2} sx={{ maxWidth: 520 }}>
            <TextField
              label={t('maintenance.portal.dealerId')}
              value={dealerLoginId}
              onChange={(e) => setDealerLoginId(e.target.value)}
              required
              autoComplete="off"
            />
            <TextField
              label={t('maintenance.portal.dealerPhone')}
              value={dealerPhone}
              onChange={(e) => setDealerPhone(e.target.value)}
              required
              type="tel"
              placeholder="03-1234-5678"
            />
            <FormControl>
              <FormLabel>{t('maintenance.portal.scope')}</FormLabel>
              <RadioGroup value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'chosen')}>
                <FormControlLabel value="all" control={<Radio />} label={t('maintenance.portal.scopeAll')} />
                <FormControlLabel
                  value="chosen"
                  control={<Radio />}
                  label={t('maintenance.portal.scopeChosen')}
                />
              </RadioGroup>
            </FormControl>
            {scope === 'chosen' &&
              (devices.isPending ? (
                <LoadingRows rows={2} />
              ) : devices.isError ? (
                <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />
              ) : devices.data.length === 0 ? (
                <Typography sx={{ color: 'text.secondary' }}>{t('maintenance.portal.noDevices')}</Typography>
              ) : (
                <FormControl error={chosen.length === 0}>
                  <FormGroup>
                    {devices.data.map((d) => (
                      <FormControlLabel
                        key={d.id}
                        control={
                          <Checkbox
                            checked={chosen.includes(d.id)}
                            onChange={(e) =>
                              setChosen(
                                e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id),
                              )
                            }
                          />
                        }
                        label={`${d.name ?? d.serial} (${d.model})`}
                      />
                    ))}
                  </FormGroup>
                  {chosen.length === 0 && (
                    <FormHelperText>{t('maintenance.portal.chooseOne')}</FormHelperText>
                  )}
                </FormControl>
              ))}
            <Box>
              <Button variant="contained" disabled={!canSubmit} loading={create.isPending} onClick={submit}>
                {t('maintenance.portal.submit')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>

      <Dialog open={unlinking !== null} onClose={() => setUnlinking(null)} aria-labelledby="unlink-title">
        <DialogTitle id="unlink-title">
          {unlinking && t('maintenance.portal.unlinkTitle', { dealer: unlinking.dealerCompanyName })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{t('maintenance.portal.unlinkBody')}</DialogContentText>
          {remove.isError && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {maintenanceErrorMessage(t, remove.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setUnlinking(null)}>{t('maintenance.op.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            loading={remove.isPending}
            onClick={() =>
              unlinking &&
              remove.mutate(unlinking.id, {
                onSuccess: () => {
                  setNotice(t('maintenance.portal.unlinked', { dealer: unlinking.dealerCompanyName }));
                  setUnlinking(null);
                },
              })
            }
          >
            {t('maintenance.portal.unlinkConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
