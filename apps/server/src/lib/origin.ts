/**
 * Whether a browser Origin may use a site's widget. Entries are exact origins
 * (`https://shop.example`); `self` means Tribu's own origin, compared with the request's Host.
 * Exact comparison of parsed origins defeats look-alikes (`shop.example.evil.com`, `user@host`);
 * only letter case is normalised (`HTTPS://SHOP.EXAMPLE` is the same origin, as URL parsing says).
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[], host: string | undefined): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin.toLowerCase() || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return false;
  for (const entry of allowed) {
    if (entry === 'self') {
      if (host && parsed.host === host.toLowerCase()) return true;
    } else if (entry === parsed.origin) {
      return true;
    }
  }
  return false;
}

/** Whether a request comes from Tribu's own pages (backoffice sockets, login form). */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  return isOriginAllowed(origin, ['self'], host);
}
