import { TextField } from '@mui/material';

export interface PeriodFieldsProps {
  from: string;
  to: string;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
  fromLabel: string;
  toLabel: string;
  /** `datetime-local` (default; convert with `localInputToIso`) or `date` (the value is `YYYY-MM-DD`). */
  type?: 'datetime-local' | 'date';
}

/** The "from" and "to" fields of a list's period filter (raw input values; empty = open-ended). */
export function PeriodFields({
  from,
  to,
  onFromChange,
  onToChange,
  fromLabel,
  toLabel,
  type = 'datetime-local',
}: PeriodFieldsProps) {
  return (
    <>
      <TextField
        size="small"
        type={type}
        label={fromLabel}
        value={from}
        onChange={(e) => onFromChange(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        size="small"
        type={type}
        label={toLabel}
        value={to}
        onChange={(e) => onToChange(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </>
  );
}
