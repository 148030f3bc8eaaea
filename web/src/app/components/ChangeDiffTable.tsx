import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

export interface ChangeDiffRow {
  key: string;
  label: ReactNode;
  before: ReactNode;
  after: ReactNode;
}

export interface ChangeDiffTableProps {
  intro: ReactNode;
  beforeLabel: ReactNode;
  afterLabel: ReactNode;
  rows: ChangeDiffRow[];
  'data-testid'?: string;
  /** Keeps line breaks in the values (lists of addresses). */
  preLine?: boolean;
}

/** The confirm step of an account change (seed 004): each changed field, before and after. */
export function ChangeDiffTable({
  intro,
  beforeLabel,
  afterLabel,
  rows,
  preLine,
  'data-testid': testId,
}: ChangeDiffTableProps) {
  const value = preLine ? { whiteSpace: 'pre-line' } : {};
  return (
    <>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {intro}
      </Typography>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell>{beforeLabel}</TableCell>
            <TableCell>{afterLabel}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{r.label}</TableCell>
              <TableCell sx={value}>{r.before}</TableCell>
              <TableCell sx={{ ...value, fontWeight: 600 }}>{r.after}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
