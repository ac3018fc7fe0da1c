/**
 * A size as people read it, in a message's language: 10485760 → "10 MB" (en), "10 МБ" (ru).
 * Powers of 1024, as upload limits are set (MEDIA_MAX_BYTES=10485760 is "10 MB"), the way the
 * workbench shows the same limit before a file is sent.
 */
export function formatBytes(bytes: number, language: string): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['megabyte', bytes / (1024 * 1024)] : bytes >= 1024 ? ['kilobyte', bytes / 1024] : ['byte', bytes];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(size);
}
