import { useState } from 'react';
import { Box, Divider, Tab, Tabs, Typography } from '@mui/material';
import type { MailView } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { useT } from '../../../app/i18n/useT';
import { LinkifiedText } from './LinkifiedText';
import { MailStatusChip } from './MailStatusChip';

type View = 'html' | 'text' | 'data';

/** Links in the rendered mail open in a new tab; scripts never run (sandboxed, no allow-scripts). */
function withBaseTarget(html: string): string {
  return `<base target="_blank">${html}`;
}

export function MailDetail({ mail }: { mail: MailView }) {
  const t = useT();
  const format = useFormatDateTime();
  const [view, setView] = useState<View>('html');
  const facts: Array<[string, string]> = [
    [t('mailbox.to'), mail.to],
    [t('mailbox.template'), mail.template],
    [t('mailbox.language'), mail.language],
    [t('mailbox.created'), format(mail.createdAt, { seconds: true })],
    [t('mailbox.sent'), mail.sentAt ? format(mail.sentAt, { seconds: true }) : '—'],
    [t('mailbox.attempts'), String(mail.attempts)],
  ];
  return (
    <Box data-testid="mail-detail" sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Box sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1, wordBreak: 'break-word' }}>
            {mail.subject}
          </Typography>
          <MailStatusChip status={mail.status} />
        </Box>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
        >
          {facts.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      </Box>
      <Divider />
      <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ px: 1 }}>
        <Tab value="html" label={t('mailbox.viewHtml')} />
        <Tab value="text" label={t('mailbox.viewText')} />
        <Tab value="data" label={t('mailbox.viewData')} />
      </Tabs>
      <Divider />
      <Box sx={{ flex: 1, minHeight: 360, p: view === 'html' ? 0 : 2, overflow: 'auto' }}>
        {view === 'html' && (
          <Box
            component="iframe"
            title={t('mailbox.htmlFrameTitle')}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={withBaseTarget(mail.html)}
            sx={{ border: 0, width: '100%', height: '100%', minHeight: 360, bgcolor: '#fff' }}
          />
        )}
        {view === 'text' && (
          <Typography
            component="pre"
            variant="body2"
            sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace' }}
          >
            <LinkifiedText text={mail.text} />
          </Typography>
        )}
        {view === 'data' && (
          <Typography
            component="pre"
            variant="body2"
            sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace' }}
          >
            {JSON.stringify(mail.data, null, 2)}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
