import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Card, CardActionArea, CardContent, Typography } from '@mui/material';

export interface FigureCardProps {
  label: string;
  value: ReactNode;
  detail?: string;
  /** Where a click on the card leads. */
  to: string;
  testId: string;
}

/** One figure of the operator's home: a label, a big value, a line of detail; the card is a link. */
export function FigureCard({ label, value, detail, to, testId }: FigureCardProps) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }} data-testid={testId}>
        <CardContent>
          <Typography variant="overline" sx={{ display: 'block', lineHeight: 1.4 }}>
            {label}
          </Typography>
          <Typography variant="h4" component="p">
            {value}
          </Typography>
          {detail && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {detail}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
