import type { ReactNode } from 'react';
import { Alert, Button } from '@mui/material';
import Download from '@mui/icons-material/Download';
import type { CsvDownload } from '../hooks/useCsvDownload';

/** The "Export CSV" button of a list (spinner while downloading); pair it with `CsvDownloadError`. */
export function CsvDownloadButton({ csv, children }: { csv: CsvDownload; children: ReactNode }) {
  return (
    <Button startIcon={<Download />} onClick={() => void csv.run()} loading={csv.exporting}>
      {children}
    </Button>
  );
}

/** Why the last export failed, dismissible; nothing while it has not failed. */
export function CsvDownloadError({ csv }: { csv: CsvDownload }) {
  return csv.error ? (
    <Alert severity="error" onClose={csv.clearError} sx={{ mb: 2 }}>
      {csv.error}
    </Alert>
  ) : null;
}
