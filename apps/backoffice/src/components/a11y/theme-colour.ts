/**
 * A colour token's value in the theme showing now (light or dark), for what CSS cannot colour:
 * canvas charts. Read when the chart is built; `fallback` outside a browser.
 */
export function themeColour(token: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(token).trim() || fallback;
}
