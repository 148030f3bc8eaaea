import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  ListItemText,
  ListSubheader,
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
import {
  CAMERA_EVENT_TYPES,
  EVENT_PAGE_SIZE,
  EVENT_SEARCH_MAX,
  OTHER_EVENT_TYPES,
  RECORDER_EVENT_TYPES,
  eventTypeLabel,
} from '@lc/shared';
import { FilterBar } from '../../../app/components/FilterBar';
import { PageHeader } from '../../../app/components/PageHeader';
import { PeriodFields } from '../../../app/components/PeriodFields';
import { formatDateTime } from '../../../app/i18n/formatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useCurrentUser } from '../../auth/hooks/useSession';
import {
  EMPTY_FILTERS,
  PERIOD_CHOICES,
  eventSearchQuery,
  filtersFromParams,
  isoToLocalInput,
  type EventFilters,
  type PeriodChoice,
} from '../../events/eventSearch';
import { useDevices } from '../hooks/useDevices';
import { useEvents } from '../hooks/useTelemetry';
import { cameraDisplayName, deviceDisplayName, lapsedCount } from '../tree';
import { LapseDetails } from '../components/LapseDetails';
import { localInputToIso } from '../validation';

const TYPE_GROUPS = [
  ['evn.cameraEvents', CAMERA_EVENT_TYPES],
  ['evn.recorderEvents', RECORDER_EVENT_TYPES],
  ['events.otherTypes', OTHER_EVENT_TYPES],
] as const;

/**
 * Event search over the customer's devices (seed 001 §5.6.5): several devices and types, a
 * period preset (today, yesterday, last 7 days — in the user's zone) or a range; 100 per page,
 * the latest 1000 at most, with a notice when more match. The e-mail link fills the filters.
 */
export function EventsPage() {
  const t = useT();
  const { lang } = useLang();
  const user = useCurrentUser();
  const devices = useDevices({});
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<EventFilters>(() => filtersFromParams(params));
  const [page, setPage] = useState(0);
  // Presets are computed when chosen, so "today" stays the same day while paging.
  const [anchor, setAnchor] = useState(() => new Date());
  const query = useMemo(
    () => eventSearchQuery(filters, anchor, user.timeZone),
    [filters, anchor, user.timeZone],
  );
  const events = useEvents({ ...query, page: page + 1, pageSize: EVENT_PAGE_SIZE });
  const update = (patch: Partial<EventFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setAnchor(new Date());
    setPage(0);
  };
  // SPEC §3: events of cameras without a valid license are neither stored nor found; say why.
  const lapsed = lapsedCount(devices.data ?? []);
  const deviceLabel = (id: string) => {
    const d = devices.data?.find((x) => x.id === id);
    return d ? deviceDisplayName(d) : '';
  };

  return (
    <Box>
      <PageHeader
        title={t('devices.events.title')}
        subtitle={t('devices.events.subtitle', { max: EVENT_SEARCH_MAX })}
      />
      {lapsed > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="events-lapsed">
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('devices.events.lapsedHidden', { count: lapsed })}
          </Typography>
          <LapseDetails />
        </Alert>
      )}
      <FilterBar
        activeCount={
          [filters.deviceIds.length > 0, filters.types.length > 0, filters.period !== 'any'].filter(Boolean)
            .length
        }
      >
        <TextField
          select
          size="small"
          label={t('events.devices')}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (v) => {
                const ids = v as string[];
                if (!ids.length) return t('devices.events.allDevices');
                return ids.length === 1 ? deviceLabel(ids[0]) : t('events.selected', { count: ids.length });
              },
            },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'event-devices' },
          }}
          value={filters.deviceIds}
          onChange={(e) => update({ deviceIds: e.target.value as unknown as string[] })}
          sx={{ minWidth: 240 }}
        >
          {(devices.data ?? []).map((d) => (
            <MenuItem key={d.id} value={d.id}>
              <Checkbox size="small" checked={filters.deviceIds.includes(d.id)} />
              <ListItemText primary={deviceDisplayName(d)} />
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('events.types')}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (v) => {
                const types = v as string[];
                if (!types.length) return t('events.allTypes');
                return types.length === 1
                  ? eventTypeLabel(types[0], lang)
                  : t('events.selected', { count: types.length });
              },
            },
            inputLabel: { shrink: true },
          }}
          value={filters.types}
          onChange={(e) => update({ types: e.target.value as unknown as string[] })}
          sx={{ minWidth: 220 }}
        >
          {TYPE_GROUPS.flatMap(([label, types]) => [
            <ListSubheader key={label}>{t(label)}</ListSubheader>,
            ...types.map((type) => (
              <MenuItem key={type} value={type}>
                <Checkbox size="small" checked={filters.types.includes(type)} />
                <ListItemText primary={eventTypeLabel(type, lang)} />
              </MenuItem>
            )),
          ])}
        </TextField>
        <TextField
          select
          size="small"
          label={t('events.period')}
          value={filters.period}
          onChange={(e) => update({ period: e.target.value as PeriodChoice })}
          sx={{ minWidth: 160 }}
        >
          {PERIOD_CHOICES.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`events.preset.${p}` as 'events.preset.any')}
            </MenuItem>
          ))}
        </TextField>
        {filters.period === 'custom' && (
          <PeriodFields
            from={isoToLocalInput(filters.from)}
            to={isoToLocalInput(filters.to)}
            onFromChange={(v) => update({ from: localInputToIso(v) ?? '' })}
            onToChange={(v) => update({ to: localInputToIso(v) ?? '' })}
            fromLabel={t('devices.filter.from')}
            toLabel={t('devices.filter.to')}
          />
        )}
        <Button onClick={() => update(EMPTY_FILTERS)}>{t('events.reset')}</Button>
      </FilterBar>
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
            {data.truncated && (
              <Alert severity="warning" sx={{ m: 2 }} data-testid="events-truncated">
                {t('events.truncated', { max: EVENT_SEARCH_MAX })}
              </Alert>
            )}
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
          </>
        )}
      </QueryTablePanel>
    </Box>
  );
}
