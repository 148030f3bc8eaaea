import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { MESSAGE_CATEGORIES, type MessageCategory, type PortalMessageView } from '@lc/shared';
import MessageOutlined from '@mui/icons-material/MessageOutlined';
import { PageHeader } from '../../../app/components/PageHeader';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { PagedFooter } from '../../../app/components/PagedFooter';
import { QueryTablePanel } from '../../../app/components/QueryTablePanel';
import { useT } from '../../../app/i18n/useT';
import { useMarkMessageRead, usePortalMessages } from '../hooks/usePortalMessages';

/** A maintenance-history entry opens its device (seed 001 §5.7 "View"). */
const deviceOf = (m: PortalMessageView): string | null =>
  m.category === 'maintenance' && typeof m.data.deviceId === 'string' ? m.data.deviceId : null;

export function MessagesPage() {
  const t = useT();
  const fmt = useFormatDateTime();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(10);
  // Latest 10 first; the tabs (and ?category= from the help page) give each history.
  const [params, setParams] = useSearchParams();
  const requested = params.get('category') as MessageCategory | null;
  const category = requested && MESSAGE_CATEGORIES.includes(requested) ? requested : undefined;
  const messages = usePortalMessages(page, pageSize, category);
  const markRead = useMarkMessageRead();

  return (
    <Box sx={{ maxWidth: 840 }}>
      <PageHeader
        title={t('messages.title')}
        subtitle={
          messages.data && messages.data.unread > 0
            ? t('messages.unread', { count: messages.data.unread })
            : t('messages.subtitle')
        }
      />
      <Tabs
        value={category ?? 'all'}
        onChange={(_, v: string) => {
          setPage(0);
          setParams(v === 'all' ? {} : { category: v });
        }}
        sx={{ mb: 2 }}
      >
        <Tab value="all" label={t('messages.tab.all')} />
        {MESSAGE_CATEGORIES.map((c) => (
          <Tab key={c} value={c} label={t(`messages.tab.${c}`)} />
        ))}
      </Tabs>
      {markRead.isError && (
        <Alert severity="error" onClose={() => markRead.reset()} sx={{ mb: 2 }}>
          {apiErrorMessage(t, markRead.error)}
        </Alert>
      )}
      <QueryTablePanel
        query={messages}
        frame="none"
        refetchBar={false}
        loadingRows={4}
        emptyIcon={<MessageOutlined fontSize="inherit" />}
        emptyText={t('messages.empty')}
      >
        {(data) => (
          <Stack spacing={2}>
            {data.items.map((m) => (
              <Card key={m.id} variant="outlined" sx={{ borderColor: m.readAt ? undefined : 'primary.main' }}>
                <CardContent>
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
                    <Typography variant="subtitle1" component="h2" sx={{ flex: 1 }}>
                      {m.title}
                    </Typography>
                    <Chip size="small" variant="outlined" label={t(`messages.category.${m.category}`)} />
                    {!m.readAt && <Chip size="small" color="primary" label={t('messages.new')} />}
                  </Box>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {fmt(m.createdAt)}
                  </Typography>
                  <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
                    {m.body}
                  </Typography>
                </CardContent>
                {(!m.readAt || deviceOf(m)) && (
                  <CardActions sx={{ px: 2, pb: 2 }}>
                    {deviceOf(m) && (
                      <Button size="small" component={RouterLink} to={`/devices/${deviceOf(m)}`}>
                        {t('messages.view')}
                      </Button>
                    )}
                    {!m.readAt && (
                      <Button
                        size="small"
                        onClick={() => markRead.mutate(m.id)}
                        loading={markRead.isPending && markRead.variables === m.id}
                      >
                        {t('messages.markRead')}
                      </Button>
                    )}
                  </CardActions>
                )}
              </Card>
            ))}
            <PagedFooter
              count={data.total}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              onPageSizeChange={setPageSize}
              sizes={[10, 20, 50]}
            />
          </Stack>
        )}
      </QueryTablePanel>
    </Box>
  );
}
