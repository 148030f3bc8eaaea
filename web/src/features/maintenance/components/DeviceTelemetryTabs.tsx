import { useState } from 'react';
import { Box, Paper, Tab, Tabs } from '@mui/material';
import { useSession } from '../../auth/hooks/useSession';
import { useT } from '../../../app/i18n/useT';
import { ConnectionHistoryTable } from '../../devices/components/ConnectionHistoryTable';
import { DeviceLogsPanel } from '../../devices/components/DeviceLogsPanel';

/** Connection history and device logs of a linked device (the devices feature's panels, read through maintenance). */
export function DeviceTelemetryTabs({ deviceId }: { deviceId: string }) {
  const t = useT();
  const { user } = useSession();
  const [tab, setTab] = useState<'history' | 'logs'>('history');
  return (
    <Paper variant="outlined">
      <Tabs value={tab} onChange={(_, v: 'history' | 'logs') => setTab(v)} sx={{ px: 2 }}>
        <Tab value="history" label={t('maintenance.tab.history')} />
        <Tab value="logs" label={t('maintenance.tab.logs')} />
      </Tabs>
      <Box sx={{ p: 2 }}>
        {tab === 'history' ? (
          <ConnectionHistoryTable deviceId={deviceId} timeZone={user?.timeZone} base="/maintenance/devices" />
        ) : (
          <DeviceLogsPanel deviceId={deviceId} timeZone={user?.timeZone} base="/maintenance/devices" />
        )}
      </Box>
    </Paper>
  );
}
