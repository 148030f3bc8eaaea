import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import CloudDownloadOutlined from '@mui/icons-material/CloudDownloadOutlined';
import ControlCamera from '@mui/icons-material/ControlCamera';
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlined';
import Videocam from '@mui/icons-material/Videocam';
import type { StreamGrant, StreamMode } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT, type TFunction } from '../../../app/i18n/useT';
import { useStreamGrant } from '../hooks/useSharing';
import { grantRefusal } from '../refusal';

const MODES: Array<{ mode: StreamMode; icon: typeof Videocam }> = [
  { mode: 'live', icon: Videocam },
  { mode: 'playback', icon: PlayCircleOutline },
  { mode: 'download', icon: CloudDownloadOutlined },
  { mode: 'control', icon: ControlCamera },
];

/**
 * Live / Playback / Download / Camera control: each asks the API for a signed stream grant; when refused it says
 * why — which license lapsed and which dealer to ask, a missing permission, or a proxy session.
 */
export function StreamPanel({ cameraId, timeZone }: { cameraId: string; timeZone?: string }) {
  const t = useT();
  const { lang } = useLang();
  const grant = useStreamGrant(cameraId);
  const [last, setLast] = useState<{ mode: StreamMode; grant: StreamGrant } | null>(null);
  const ask = (mode: StreamMode) => {
    setLast(null);
    grant.mutate(mode, { onSuccess: (g) => setLast({ mode, grant: g }) });
  };
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="stream-panel">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {t('stream.title')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap' }}>
          {MODES.map(({ mode, icon: Icon }) => (
            <Button
              key={mode}
              variant="outlined"
              startIcon={<Icon />}
              loading={grant.isPending && grant.variables === mode}
              onClick={() => ask(mode)}
            >
              {t(`stream.${mode}`)}
            </Button>
          ))}
        </Stack>
        {last && (
          <Alert severity="success" role="status" data-testid="stream-granted">
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('stream.granted', {
                mode: t(`stream.${last.mode}`),
                time: formatDateTime(last.grant.expiresAt, lang, timeZone),
              })}
            </Typography>
            <TextField
              label={t('stream.token')}
              value={last.grant.token}
              size="small"
              fullWidth
              slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'stream-token' } }}
            />
          </Alert>
        )}
        {grant.isError && (
          <Alert severity="error" data-testid="stream-refused">
            <RefusalText error={grant.error} t={t} lang={lang} timeZone={timeZone} />
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

function RefusalText({
  error,
  t,
  lang,
  timeZone,
}: {
  error: unknown;
  t: TFunction;
  lang: 'ja' | 'en';
  timeZone?: string;
}) {
  const r = grantRefusal(error);
  switch (r.kind) {
    case 'unlicensed':
      return (
        <Box>
          <Typography variant="body2">{t('stream.refused.unlicensed')}</Typography>
          <Typography variant="body2">
            {r.lastLicense
              ? t('stream.refused.lastLicense', {
                  sku: r.lastLicense.name[lang],
                  date: formatDateTime(r.lastLicense.endsAt, lang, timeZone, { dateOnly: true }),
                })
              : t('stream.refused.neverLicensed')}
          </Typography>
          {r.dealer && (
            <Typography variant="body2" data-testid="stream-dealer">
              {t('stream.refused.askDealer', { dealer: r.dealer.companyName, phone: r.dealer.phone })}
            </Typography>
          )}
        </Box>
      );
    case 'permission':
      return <>{t('stream.refused.permission', { permission: t(`sharing.perm.${r.permission}`) })}</>;
    case 'notShared':
      return <>{t('stream.refused.notShared')}</>;
    case 'proxy':
      return <>{t('stream.refused.proxy')}</>;
    default:
      return <>{apiErrorMessage(t, error)}</>;
  }
}
