import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import { ANNOUNCEMENT_AUDIENCES, ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '@lc/shared';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { localInputToIso } from '../../../app/i18n/localInputToIso';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { draftProblems, type AnnouncementDraft, type DraftField } from '../announcementForm';
import { useAnnouncements, useCreateAnnouncement } from '../hooks/useEventsFeature';

const EMPTY: AnnouncementDraft = {
  titleJa: '',
  titleEn: '',
  bodyJa: '',
  bodyEn: '',
  audience: 'customers',
  publishAt: '',
};

/** The operator writes announcements (ja and en, audience, publish time) and sees them listed. */
export function AnnouncementsPage() {
  const t = useT();
  const { lang } = useLang();
  const fmt = useFormatDateTime();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const list = useAnnouncements(page, pageSize);
  const create = useCreateAnnouncement();
  const [draft, setDraft] = useState<AnnouncementDraft>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [created, setCreated] = useState(false);
  const problems = draftProblems(draft);
  const invalid = Object.keys(problems).length > 0;
  const set = (f: DraftField) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [f]: e.target.value }));
    setCreated(false);
  };
  const help = (f: DraftField, max?: number) => {
    const p = touched ? problems[f] : undefined;
    if (!p) return f === 'publishAt' ? t('ann.publishNow') : ' ';
    return p === 'required'
      ? t('ann.required')
      : p === 'tooLong'
        ? t('ann.tooLong', { max: max ?? 0 })
        : t('ann.badTime');
  };
  const field = (f: DraftField, label: string, max: number, multiline = false) => (
    <TextField
      label={label}
      value={draft[f]}
      onChange={set(f)}
      error={touched && !!problems[f]}
      helperText={help(f, max)}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      fullWidth
      size="small"
      slotProps={{ htmlInput: { 'data-testid': `ann-${f}` } }}
    />
  );
  const publish = () => {
    create.mutate(
      {
        title: { ja: draft.titleJa.trim(), en: draft.titleEn.trim() },
        body: { ja: draft.bodyJa, en: draft.bodyEn },
        audience: draft.audience,
        ...(draft.publishAt ? { publishAt: localInputToIso(draft.publishAt) } : {}),
      },
      {
        onSuccess: () => {
          setConfirming(false);
          setDraft(EMPTY);
          setTouched(false);
          setCreated(true);
        },
        onError: () => setConfirming(false),
      },
    );
  };

  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeader title={t('ann.title')} subtitle={t('ann.subtitle')} />
      <Card sx={{ mb: 3 }}>
        <CardContent>
          <Stack spacing={1}>
            <Box sx={{ display: 'flex', gap: 2 }}>
              {field('titleJa', t('ann.titleJa'), ANNOUNCEMENT_TITLE_MAX)}
              {field('titleEn', t('ann.titleEn'), ANNOUNCEMENT_TITLE_MAX)}
            </Box>
            <Box sx={{ display: 'flex', gap: 2 }}>
              {field('bodyJa', t('ann.bodyJa'), ANNOUNCEMENT_BODY_MAX, true)}
              {field('bodyEn', t('ann.bodyEn'), ANNOUNCEMENT_BODY_MAX, true)}
            </Box>
            <Box sx={{ display: 'flex', gap: 2 }}>
              <TextField
                select
                size="small"
                label={t('ann.audience')}
                value={draft.audience}
                onChange={set('audience')}
                sx={{ minWidth: 200 }}
                slotProps={{ htmlInput: { 'data-testid': 'ann-audience' } }}
              >
                {ANNOUNCEMENT_AUDIENCES.map((a) => (
                  <MenuItem key={a} value={a}>
                    {t(`ann.audience.${a}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                type="datetime-local"
                label={t('ann.publishAt')}
                value={draft.publishAt}
                onChange={set('publishAt')}
                error={touched && !!problems.publishAt}
                helperText={help('publishAt')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            </Box>
            {create.isError && <Alert severity="error">{apiErrorMessage(t, create.error)}</Alert>}
            {created && <Alert severity="success">{t('ann.created')}</Alert>}
            <Box>
              <Button
                variant="contained"
                onClick={() => {
                  setTouched(true);
                  if (!invalid) setConfirming(true);
                }}
              >
                {t('ann.publish')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{t('ann.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('ann.confirm', { audience: t(`ann.audience.${draft.audience}`) })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('evf.cancel')}</Button>
          <Button variant="contained" loading={create.isPending} onClick={publish}>
            {t('ann.publish')}
          </Button>
        </DialogActions>
      </Dialog>
      <QueryTablePanel
        query={list}
        loadingRows={4}
        emptyIcon={<CampaignOutlined fontSize="inherit" />}
        emptyText={t('ann.empty')}
        paging={{ page, pageSize, onPageChange: setPage, onPageSizeChange: setPageSize, sizes: [20, 50] }}
      >
        {(data) => (
          <TableContainer>
            <Table size="small" aria-label={t('ann.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('ann.col.publishAt')}</TableCell>
                  <TableCell>{t('ann.col.title')}</TableCell>
                  <TableCell>{t('ann.col.audience')}</TableCell>
                  <TableCell>{t('ann.col.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt(a.publishAt)}</TableCell>
                    <TableCell>{a.title[lang]}</TableCell>
                    <TableCell>{t(`ann.audience.${a.audience}`)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        label={new Date(a.publishAt) > new Date() ? t('ann.scheduled') : t('ann.published')}
                      />
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
