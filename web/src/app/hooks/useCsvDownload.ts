import { useState } from 'react';
import { saveDownload } from '../download';

export interface CsvDownload {
  exporting: boolean;
  /** The message of the last failed export, until dismissed. */
  error: string | null;
  clearError: () => void;
  run: () => Promise<void>;
}

/**
 * An export download: fetches `download()`, saves it under its Content-Disposition name (or `fallbackName`),
 * and keeps the failure as `failedMessage(error)` for `CsvDownloadError`.
 */
export function useCsvDownload(
  download: () => Promise<Response>,
  fallbackName: string,
  failedMessage: (error: unknown) => string,
): CsvDownload {
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setExporting(true);
    setError(null);
    try {
      await saveDownload(await download(), fallbackName);
    } catch (e) {
      setError(failedMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, error, clearError: () => setError(null), run };
}
