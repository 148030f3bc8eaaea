/** `datetime-local` input value (browser zone) → ISO instant, or undefined when empty or invalid. */
export function localInputToIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
