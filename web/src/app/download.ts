/** Saves a blob under `fileName` through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a response's Content-Disposition gives, or `fallbackName`. */
export function downloadFileName(res: Response, fallbackName: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
}

/** Saves a downloaded response under the name of its Content-Disposition (or `fallbackName`). */
export async function saveDownload(res: Response, fallbackName: string): Promise<void> {
  downloadBlob(await res.blob(), downloadFileName(res, fallbackName));
}
