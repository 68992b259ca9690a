import { useEffect, useState } from 'preact/hooks';

/**
 * A colour token's value in the theme showing now (light or dark), for what CSS cannot colour:
 * canvas charts. Read when the chart is built; `fallback` outside a browser.
 */
export function themeColour(token: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(token).trim() || fallback;
}

const dark = () =>
  typeof document !== 'undefined' &&
  (document.documentElement.dataset.theme === 'dark' ||
    (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches));

/** 'light' or 'dark', updated when the system or <html data-theme> switches, so canvas charts can redraw. */
export function useColourScheme(): 'light' | 'dark' {
  const [scheme, setScheme] = useState<'light' | 'dark'>(() => (dark() ? 'dark' : 'light'));
  useEffect(() => {
    const update = () => setScheme(dark() ? 'dark' : 'light');
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const attr = new MutationObserver(update);
    attr.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      attr.disconnect();
    };
  }, []);
  return scheme;
}
