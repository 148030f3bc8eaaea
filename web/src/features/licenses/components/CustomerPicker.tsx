import { useState } from 'react';
import {
  Alert,
  Box,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import type { CustomerView } from '@lc/shared';
import { apiErrorMessage } from '../../../app/i18n/apiErrorMessage';
import { useT } from '../../../app/i18n/useT';
import { useCustomerSearch } from '../hooks/useCustomerSearch';

export interface CustomerPickerProps {
  selected: CustomerView | null;
  onSelect: (c: CustomerView) => void;
}

/** Finds one of the dealer's customers by e-mail (or name). */
export function CustomerPicker({ selected, onSelect }: CustomerPickerProps) {
  const t = useT();
  const [search, setSearch] = useState(selected?.email ?? '');
  const found = useCustomerSearch(search);
  const items = (found.data?.items ?? []).filter((c) => !c.deactivatedAt);
  return (
    <Box>
      <TextField
        label={t('licenses.wizard.customerSearch')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        fullWidth
        autoFocus
        type="search"
        helperText={t('licenses.wizard.customerSearchHelp')}
      />
      <Box sx={{ height: 4, my: 1 }}>{found.isFetching && <LinearProgress />}</Box>
      {found.isError && <Alert severity="error">{apiErrorMessage(t, found.error)}</Alert>}
      {search.trim() && found.data && items.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('licenses.wizard.noCustomer')}
        </Typography>
      )}
      {items.length > 0 && (
        <Paper variant="outlined">
          <List dense aria-label={t('licenses.wizard.customers')}>
            {items.map((c) => (
              <ListItemButton key={c.id} selected={selected?.id === c.id} onClick={() => onSelect(c)}>
                <ListItemText primary={c.name} secondary={c.email} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </Box>
  );
}
