import { useState } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import Refresh from '@mui/icons-material/Refresh';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { isJobName, JOB_NAMES, type JobName } from '@lc/shared';
import { FilterBar } from '../../../app/components/FilterBar';
import { PageHeader } from '../../../app/components/PageHeader';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useT } from '../../../app/i18n/useT';
import { usePublicConfig } from '../../config/hooks/usePublicConfig';
import { JobRunsTable } from '../components/JobRunsTable';
import { RunJobButtons } from '../components/RunJobButtons';
import { useJobRuns } from '../hooks/useJobRuns';

export function JobRunsPage() {
  const t = useT();
  const config = usePublicConfig();
  const [name, setName] = useState<JobName | ''>('');
  const runs = useJobRuns(name || undefined);

  return (
    <Box>
      <PageHeader
        title={t('jobs.title')}
        subtitle={t('jobs.subtitle')}
        actions={
          <Button startIcon={<Refresh />} onClick={() => void runs.refetch()} disabled={runs.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <FilterBar activeCount={name ? 1 : 0}>
        <TextField
          select
          size="small"
          label={t('jobs.filterLabel')}
          value={name}
          onChange={(e) => setName(isJobName(e.target.value) ? e.target.value : '')}
          sx={{ minWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">{t('jobs.filterAll')}</MenuItem>
          {JOB_NAMES.map((n) => (
            <MenuItem key={n} value={n}>
              {t(`jobs.name.${n}`)}
            </MenuItem>
          ))}
        </TextField>
        {config.data?.devSurface && <RunJobButtons />}
      </FilterBar>
      <QueryTablePanel
        query={runs}
        loadingRows={6}
        emptyIcon={<ScheduleOutlined fontSize="inherit" />}
        emptyText={t('jobs.empty')}
      >
        {(data) => <JobRunsTable runs={data} />}
      </QueryTablePanel>
    </Box>
  );
}
