import { useState } from 'react';
import { Alert, Box, Button, Snackbar } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { JOB_NAMES, type JobName } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useRunJobNow } from '../../dev/hooks/useRunJobNow';

/** "Run now" per job (dev surface only). */
export function RunJobButtons() {
  const t = useT();
  const run = useRunJobNow();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const start = (name: JobName) =>
    run.mutate(name, {
      onSuccess: () => setNotice({ ok: true, text: t('jobs.runStarted', { name: t(`jobs.name.${name}`) }) }),
      onError: (e) => setNotice({ ok: false, text: apiErrorMessage(t, e) }),
    });
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {JOB_NAMES.map((name) => (
        <Button
          key={name}
          variant="outlined"
          size="small"
          startIcon={<PlayArrow />}
          loading={run.isPending && run.variables === name}
          disabled={run.isPending}
          onClick={() => start(name)}
          data-testid={`run-job-${name}`}
        >
          {t('jobs.runNow', { name: t(`jobs.name.${name}`) })}
        </Button>
      ))}
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)}>
        {notice ? (
          <Alert severity={notice.ok ? 'success' : 'error'} onClose={() => setNotice(null)} variant="filled">
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}
