/** Text colour readable on a `#rrggbb` background (WCAG relative luminance): near-black or white. */
export function onColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // White reaches 4.5:1 only on backgrounds darker than ~0.18 luminance.
  return l > 0.18 ? '#111814' : '#ffffff';
}
