import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import {
  CAMERA_EVENT_TYPES,
  EVENT_MAIL_FOLD_MINUTES,
  NOTIFY_EVENT_TYPES,
  RECORDER_EVENT_TYPES,
  eventTypeLabel,
  isHhMm,
  type EventNotificationSettings,
  type NotifyEventType,
} from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { ErrorState } from '../../../app/components/ErrorState';
import { FullPageLoading } from '../../../app/components/FullPageLoading';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { useEventNotifications, useSaveEventNotifications } from '../hooks/useEventsFeature';
import { scheduleErrors } from '../scheduleForm';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** E-mail/push, event types and schedule of the signed-in user (seed 001 §4.1.7, §5.6.4). */
export function NotificationSettingsPage() {
  const t = useT();
  const user = useCurrentUser();
  const settings = useEventNotifications();
  return (
    <Box sx={{ maxWidth: 840 }}>
      <PageHeader title={t('evn.title')} subtitle={t('evn.subtitle', { zone: user.timeZone })} />
      {settings.isPending ? (
        <FullPageLoading />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Box>
  );
}

function SettingsForm({ initial }: { initial: EventNotificationSettings }) {
  const t = useT();
  const { lang } = useLang();
  const save = useSaveEventNotifications();
  const [email, setEmail] = useState(initial.email);
  const [push, setPush] = useState(initial.push);
  const [types, setTypes] = useState<NotifyEventType[]>(initial.eventTypes);
  const [scheduled, setScheduled] = useState(initial.schedule !== null);
  const [days, setDays] = useState<number[]>(initial.schedule?.days ?? [1, 2, 3, 4, 5]);
  const [from, setFrom] = useState(initial.schedule?.from ?? '09:00');
  const [to, setTo] = useState(initial.schedule?.to ?? '18:00');
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [email, push, types, scheduled, days, from, to]);
  const errors = scheduled ? scheduleErrors({ days, from, to }) : {};
  const invalid = Object.keys(errors).length > 0;

  const toggle = (type: NotifyEventType) =>
    setTypes((cur) => (cur.includes(type) ? cur.filter((x) => x !== type) : [...cur, type]));
  const group = (title: string, list: readonly NotifyEventType[]) => (
    <Box sx={{ minWidth: 240 }}>
      <Typography variant="subtitle2">{title}</Typography>
      <FormGroup>
        {list.map((type) => (
          <FormControlLabel
            key={type}
            control={<Checkbox checked={types.includes(type)} onChange={() => toggle(type)} />}
            label={eventTypeLabel(type, lang)}
          />
        ))}
      </FormGroup>
    </Box>
  );

  const submit = () => {
    if (invalid) return;
    save.mutate(
      { email, push, eventTypes: types, schedule: scheduled ? { days, from, to } : null },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Stack spacing={2}>
      <Card>
        <CardContent>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            {t('evn.channels')}
          </Typography>
          <FormGroup row>
            <FormControlLabel
              control={<Switch checked={email} onChange={(e) => setEmail(e.target.checked)} />}
              label={t('evn.email')}
            />
            <FormControlLabel
              control={<Switch checked={push} onChange={(e) => setPush(e.target.checked)} />}
              label={t('evn.push')}
            />
          </FormGroup>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('evn.pushNote')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
            {t('evn.rule', { minutes: EVENT_MAIL_FOLD_MINUTES })}
          </Typography>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
              {t('evn.types')}
            </Typography>
            <Button size="small" onClick={() => setTypes([...NOTIFY_EVENT_TYPES])}>
              {t('evn.selectAll')}
            </Button>
            <Button size="small" onClick={() => setTypes([])}>
              {t('evn.unselectAll')}
            </Button>
          </Box>
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {group(t('evn.cameraEvents'), CAMERA_EVENT_TYPES)}
            {group(t('evn.recorderEvents'), RECORDER_EVENT_TYPES)}
          </Box>
          {types.length === 0 && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {t('evn.noTypes')}
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="subtitle1" component="h2">
            {t('evn.when')}
          </Typography>
          <RadioGroup
            row
            value={scheduled ? 'schedule' : 'always'}
            onChange={(e) => setScheduled(e.target.value === 'schedule')}
          >
            <FormControlLabel value="always" control={<Radio />} label={t('evn.always')} />
            <FormControlLabel value="schedule" control={<Radio />} label={t('evn.schedule')} />
          </RadioGroup>
          {scheduled && (
            <Stack spacing={2} sx={{ mt: 1 }}>
              <Box>
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  {t('evn.days')}
                </Typography>
                <ToggleButtonGroup
                  size="small"
                  value={days}
                  onChange={(_, v: number[]) => setDays(v)}
                  aria-label={t('evn.days')}
                >
                  {DAYS.map((d) => (
                    <ToggleButton key={d} value={d} aria-label={t(`evn.day.${d}` as 'evn.day.0')}>
                      {t(`evn.day.${d}` as 'evn.day.0')}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
                {errors.days && (
                  <Typography variant="caption" color="error" component="p">
                    {t('evn.noDays')}
                  </Typography>
                )}
              </Box>
              <Box sx={{ display: 'flex', gap: 2 }}>
                <TextField
                  size="small"
                  type="time"
                  label={t('evn.from')}
                  value={from}
                  onChange={(e) => setFrom(e.target.value)}
                  error={!!errors.from}
                  helperText={errors.from ? t('evn.badTime') : ' '}
                  slotProps={{ inputLabel: { shrink: true } }}
                />
                <TextField
                  size="small"
                  type="time"
                  label={t('evn.to')}
                  value={to}
                  onChange={(e) => setTo(e.target.value)}
                  error={!!errors.to}
                  helperText={errors.to ? t('evn.badTime') : ' '}
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Box>
              {isHhMm(from) && isHhMm(to) && to < from && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('evn.overnight')}
                </Typography>
              )}
              {isHhMm(from) && from === to && (
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {t('evn.wholeDay')}
                </Typography>
              )}
            </Stack>
          )}
        </CardContent>
      </Card>
      {save.isError && <Alert severity="error">{apiErrorMessage(t, save.error)}</Alert>}
      {saved && <Alert severity="success">{t('evn.saved')}</Alert>}
      <Box>
        <Button variant="contained" onClick={submit} disabled={invalid} loading={save.isPending}>
          {t('evn.save')}
        </Button>
      </Box>
    </Stack>
  );
}
