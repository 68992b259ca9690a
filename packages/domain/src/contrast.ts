// Colour contrast after WCAG 2.x: the widget's text colour on a site's brand colour, and the
// backoffice's warning when a colour makes the launcher hard to read or to spot.

/** Relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Contrast ratio of two `#rrggbb` colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour readable on a `#rrggbb` background (WCAG relative luminance): near-black or white. */
export function onColor(hex: string): string {
  // White reaches 4.5:1 only on backgrounds darker than ~0.18 luminance.
  return luminance(hex) > 0.18 ? '#111814' : '#ffffff';
}

/** What is wrong with a brand colour for the widget, in words; empty when nothing is. */
export function colorWarnings(hex: string): string[] {
  const out: string[] = [];
  const text = contrastRatio(hex, onColor(hex));
  if (text < 4.5) {
    out.push(`Text on this colour is hard to read (contrast ${text.toFixed(1)}:1; at least 4.5:1 is needed). Pick a darker or a lighter shade.`);
  }
  const page = contrastRatio(hex, '#ffffff');
  if (page < 1.5) {
    out.push(`The launcher will be hard to spot on a white page (contrast ${page.toFixed(1)}:1 with white).`);
  }
  return out;
}
