import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** Label/value pairs as a definition list. */
export function FactList({ facts }: { facts: Array<[string, ReactNode, string?]> }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}
    >
      {facts.map(([label, value, testId]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
            {label}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            sx={{ m: 0, wordBreak: 'break-all' }}
            data-testid={testId}
          >
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
