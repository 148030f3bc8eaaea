import { useState } from 'react';
import {
  Box,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import { EVENT_PAGE_SIZE, EVENT_SEARCH_MAX } from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { eventTypeLabel } from '../../../app/i18n/codeLabels';
import { useT } from '../../../app/i18n/useT';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useDevices } from '../hooks/useDevices';
import { useEvents } from '../hooks/useTelemetry';
import { cameraDisplayName, deviceDisplayName } from '../tree';
import { localInputToIso } from '../validation';

const EVENT_TYPE = /^[a-z_]{1,40}$/;

/** Event search over the customer's devices: by device, type and period; 100 per page, ≤ 1000. */
export function EventsPage() {
  const t = useT();
  const { lang } = useLang();
  const user = useCurrentUser();
  const devices = useDevices({});
  const [deviceId, setDeviceId] = useState('');
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const typed = useDebouncedValue(type.trim());
  const typeInvalid = typed !== '' && !EVENT_TYPE.test(typed);
  const events = useEvents({
    deviceId: deviceId || undefined,
    type: typed && !typeInvalid ? typed : undefined,
    from: localInputToIso(from),
    to: localInputToIso(to),
    page: page + 1,
    pageSize: EVENT_PAGE_SIZE,
  });
  const deviceLabel = (id: string) => {
    const d = devices.data?.find((x) => x.id === id);
    return d ? deviceDisplayName(d) : '';
  };
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <Box>
      <PageHeader
        title={t('devices.events.title')}
        subtitle={t('devices.events.subtitle', { max: EVENT_SEARCH_MAX })}
      />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('devices.col.device')}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          value={deviceId}
          onChange={(e) => reset(setDeviceId)(e.target.value)}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">{t('devices.events.allDevices')}</MenuItem>
          {(devices.data ?? []).map((d) => (
            <MenuItem key={d.id} value={d.id}>
              {deviceDisplayName(d)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('devices.events.type')}
          value={type}
          onChange={(e) => reset(setType)(e.target.value)}
          error={typeInvalid}
          helperText={typeInvalid ? t('devices.events.typeInvalid') : t('devices.events.typeHelp')}
        />
        <PeriodFields
          from={from}
          to={to}
          onFromChange={reset(setFrom)}
          onToChange={reset(setTo)}
          fromLabel={t('devices.filter.from')}
          toLabel={t('devices.filter.to')}
        />
      </Box>
      <QueryTablePanel
        query={events}
        loadingRows={6}
        emptyIcon={<EventNoteOutlined fontSize="inherit" />}
        emptyText={t('devices.events.empty')}
        paging={{
          page,
          pageSize: EVENT_PAGE_SIZE,
          sizes: [EVENT_PAGE_SIZE],
          onPageChange: setPage,
          onPageSizeChange: () => undefined,
        }}
      >
        {(data) => (
          <>
            <TableContainer>
              <Table size="small" aria-label={t('devices.events.title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('devices.col.at')}</TableCell>
                    <TableCell>{t('devices.col.device')}</TableCell>
                    <TableCell>{t('devices.col.camera')}</TableCell>
                    <TableCell>{t('devices.events.type')}</TableCell>
                    <TableCell>{t('devices.events.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.map((e) => (
                    <TableRow key={e.id} hover data-testid="event-row">
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(e.at, lang, user.timeZone, { seconds: true })}
                      </TableCell>
                      <TableCell>{e.deviceName ?? deviceLabel(e.deviceId)}</TableCell>
                      <TableCell>
                        {e.cameraId
                          ? (e.cameraName ?? cameraDisplayName(t, { name: null, channel: e.channel ?? 0 }))
                          : ''}
                      </TableCell>
                      <TableCell title={e.type}>{eventTypeLabel(e.type, lang)}</TableCell>
                      <TableCell>{e.message ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            {data.total >= EVENT_SEARCH_MAX && (
              <Typography variant="body2" sx={{ color: 'text.secondary', px: 2, pt: 1 }}>
                {t('devices.events.capped', { max: EVENT_SEARCH_MAX })}
              </Typography>
            )}
          </>
        )}
      </QueryTablePanel>
    </Box>
  );
}
