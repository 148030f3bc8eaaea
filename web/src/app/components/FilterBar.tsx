import { useId, useState, type ReactNode } from 'react';
import { Box, Button, Collapse, useMediaQuery, useTheme } from '@mui/material';
import FilterList from '@mui/icons-material/FilterList';
import { useT } from '../i18n/useT';

export interface FilterBarProps {
  /** The filter fields (selects, search boxes, period fields). */
  children: ReactNode;
  /** How many filters are set (shown on the button on narrow screens). */
  activeCount?: number;
}

/**
 * A list page's filters: in one wrapping row on wider screens; on a phone (below `sm`, e.g.
 * 390 px) behind a "Filters" button that opens them stacked, full width — so the list starts
 * at the top of the screen and nothing scrolls sideways.
 */
export function FilterBar({ children, activeCount = 0 }: FilterBarProps) {
  const t = useT();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [open, setOpen] = useState(false);
  const id = useId();
  const fields = (
    <Box
      data-testid="filter-fields"
      sx={{
        display: 'flex',
        gap: 2,
        mb: 2,
        flexWrap: 'wrap',
        alignItems: 'flex-start',
        ...(narrow && { flexDirection: 'column', alignItems: 'stretch' }),
      }}
    >
      {children}
    </Box>
  );
  if (!narrow) return fields;
  return (
    <Box sx={{ mb: 2 }}>
      <Button
        variant="outlined"
        size="small"
        startIcon={<FilterList />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-toggle"
      >
        {activeCount > 0 ? t('filters.showActive', { count: activeCount }) : t('filters.show')}
      </Button>
      <Collapse in={open} id={id} unmountOnExit>
        <Box sx={{ pt: 2 }}>{fields}</Box>
      </Collapse>
    </Box>
  );
}
