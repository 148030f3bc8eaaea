import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { JobRunView } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { jobCountLabel } from '../../../app/i18n/codeLabels';
import { useLang } from '../../../app/i18n/useLang';
import { useT } from '../../../app/i18n/useT';
import { JobOutcomeChip } from './JobOutcomeChip';

function Counts({ counts }: { counts: Record<string, number> }) {
  const { lang } = useLang();
  const entries = Object.entries(counts);
  if (entries.length === 0) return <>—</>;
  return (
    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5 }}>
      {entries.map(([k, v]) => (
        <Box component="span" key={k} sx={{ whiteSpace: 'nowrap' }}>
          {jobCountLabel(k, lang)}: <strong>{v}</strong>
        </Box>
      ))}
    </Box>
  );
}

export function JobRunsTable({ runs }: { runs: JobRunView[] }) {
  const t = useT();
  const format = useFormatDateTime();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('jobs.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('jobs.col.name')}</TableCell>
            <TableCell>{t('jobs.col.trigger')}</TableCell>
            <TableCell>{t('jobs.col.slot')}</TableCell>
            <TableCell>{t('jobs.col.started')}</TableCell>
            <TableCell>{t('jobs.col.finished')}</TableCell>
            <TableCell>{t('jobs.col.outcome')}</TableCell>
            <TableCell>{t('jobs.col.counts')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} hover data-testid="job-run-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`jobs.name.${run.name}`)}</TableCell>
              <TableCell>{t(`jobs.trigger.${run.trigger}`)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'nowrap' }}>
                {run.slot ?? '—'}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format(run.startedAt, { seconds: true })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {run.finishedAt ? format(run.finishedAt, { seconds: true }) : '—'}
              </TableCell>
              <TableCell>
                <JobOutcomeChip outcome={run.outcome} />
              </TableCell>
              <TableCell>
                <Counts counts={run.counts} />
                {run.outcome === 'abandoned' ? (
                  <Typography variant="caption" component="p" sx={{ color: 'warning.main', mt: 0.5 }}>
                    {t('jobs.abandonedHint')}
                  </Typography>
                ) : (
                  run.error && (
                    <Typography variant="caption" component="p" sx={{ color: 'error.main', mt: 0.5 }}>
                      {run.error}
                    </Typography>
                  )
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
