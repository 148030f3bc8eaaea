import { Box, List, ListItemButton, ListItemText } from '@mui/material';
import type { MailView } from '@lc/shared';
import { useFormatDateTime } from '../../../app/i18n/useFormatDateTime';
import { MailStatusChip } from './MailStatusChip';

export interface MailListProps {
  mails: MailView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function MailList({ mails, selectedId, onSelect }: MailListProps) {
  const format = useFormatDateTime();
  return (
    <List disablePadding data-testid="mail-list">
      {mails.map((m) => (
        <ListItemButton
          key={m.id}
          selected={m.id === selectedId}
          onClick={() => onSelect(m.id)}
          divider
          sx={{ alignItems: 'flex-start', gap: 1 }}
        >
          <ListItemText
            primary={m.subject}
            secondary={`${m.to} · ${format(m.createdAt, { seconds: true })}`}
            slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
            sx={{ minWidth: 0 }}
          />
          <Box sx={{ pt: 0.5 }}>
            <MailStatusChip status={m.status} />
          </Box>
        </ListItemButton>
      ))}
    </List>
  );
}
