import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Box, Button, InputAdornment, LinearProgress, Paper, TextField } from '@mui/material';
import MailOutlined from '@mui/icons-material/MailOutlined';
import Refresh from '@mui/icons-material/Refresh';
import Search from '@mui/icons-material/Search';
import { EmptyState } from '../../../app/components/EmptyState';
import { ErrorState } from '../../../app/components/ErrorState';
import { LoadingRows } from '../../../app/components/LoadingRows';
import { PageHeader } from '../../../app/components/PageHeader';
import { useT } from '../../../app/i18n/useT';
import { MailDetail } from '../components/MailDetail';
import { MailList } from '../components/MailList';
import { useDebouncedValue } from '../../../app/hooks/useDebouncedValue';
import { useMailbox } from '../hooks/useMailbox';

/** Dev mailbox: every e-mail the service would have sent, for picking up links in development. */
export function MailboxPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [to, setTo] = useState(() => params.get('to') ?? '');
  const filter = useDebouncedValue(to.trim());
  const mailbox = useMailbox(filter);
  const selectedParam = params.get('id');
  const mails = mailbox.data ?? [];
  const selected = mails.find((m) => m.id === selectedParam) ?? mails[0] ?? null;

  const updateParams = (next: { to?: string; id?: string | null }) => {
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (next.to !== undefined) {
          if (next.to) q.set('to', next.to);
          else q.delete('to');
          q.delete('id');
        }
        if (next.id !== undefined) {
          if (next.id) q.set('id', next.id);
          else q.delete('id');
        }
        return q;
      },
      { replace: true },
    );
  };

  return (
    <Box>
      <PageHeader
        title={t('mailbox.title')}
        subtitle={t('mailbox.subtitle')}
        actions={
          <Button
            startIcon={<Refresh />}
            onClick={() => void mailbox.refetch()}
            disabled={mailbox.isFetching}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <TextField
        label={t('mailbox.filterLabel')}
        placeholder={t('mailbox.filterPlaceholder')}
        value={to}
        onChange={(e) => {
          setTo(e.target.value);
          updateParams({ to: e.target.value.trim() });
        }}
        type="search"
        size="small"
        sx={{ mb: 2, width: '100%', maxWidth: 420 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <Box sx={{ height: 4, mb: 1 }}>{mailbox.isFetching && !mailbox.isPending && <LinearProgress />}</Box>
      {mailbox.isPending ? (
        <LoadingRows rows={6} height={56} />
      ) : mailbox.isError ? (
        <ErrorState error={mailbox.error} onRetry={() => void mailbox.refetch()} />
      ) : mails.length === 0 ? (
        <Paper variant="outlined">
          <EmptyState
            icon={<MailOutlined fontSize="inherit" />}
            title={t('common.nothingHereYet')}
            description={filter ? t('mailbox.emptyFiltered', { to: filter }) : t('mailbox.empty')}
          />
        </Paper>
      ) : (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'minmax(280px, 2fr) 3fr' },
            gap: 2,
            alignItems: 'stretch',
          }}
        >
          <Paper variant="outlined" sx={{ maxHeight: { md: '70vh' }, overflow: 'auto' }}>
            <MailList
              mails={mails}
              selectedId={selected?.id ?? null}
              onSelect={(id) => updateParams({ id })}
            />
          </Paper>
          <Paper variant="outlined" sx={{ minHeight: 480 }}>
            {selected && <MailDetail key={selected.id} mail={selected} />}
          </Paper>
        </Box>
      )}
    </Box>
  );
}
