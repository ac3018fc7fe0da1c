/**
 * A size as people read it, in a message's language: 10485760 → "10 MB" (en), "10 МБ" (ru).
 * Powers of 1024, as upload limits are set (MEDIA_MAX_BYTES=10485760 is "10 MB"), the way the
 * workbench shows the same limit before a file is sent.
 */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let size = bytes;
  let unit = 0;
  // Step up while the shown figure would reach 1024 ("1,024 kB" is "1 MB").
  while (unit < units.length - 1 && Math.round(size * 10) / 10 >= 1024) {
    size /= 1024;
    unit += 1;
  }
  // Bytes spelled out ("1,023 bytes"): the short form has no plural in some languages.
  const unitDisplay = unit === 0 ? 'long' : 'short';
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay, maximumFractionDigits: 1 }).format(size);
}
