/**
 * Whether a browser Origin may use a site's widget. Entries are exact origins
 * (`https://shop.example`); `self` means Tribu's own origin, as `isSameOrigin` says: the request's
 * Host, and behind an https `PUBLIC_URL` the https scheme too (`http://` on the same host is not it).
 * Exact comparison of parsed origins defeats look-alikes (`shop.example.evil.com`, `user@host`);
 * only letter case is normalised (`HTTPS://SHOP.EXAMPLE` is the same origin, as URL parsing says).
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[], host: string | undefined, publicUrl?: string): boolean {
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
      if (host && parsed.host === host.toLowerCase() && schemeMatchesPublic(parsed, host, publicUrl)) return true;
    } else if (entry === parsed.origin) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a request comes from Tribu's own pages (backoffice sockets, state-changing requests).
 * When the request reaches Tribu by its public address, the scheme counts too: behind an https
 * `PUBLIC_URL`, a page at `http://` on the same host (a downgrade) is not Tribu's own.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  return isOriginAllowed(origin, ['self'], host, publicUrl);
}

/** Reached by its public address, Tribu's own origin is exactly `PUBLIC_URL`'s, scheme included. */
function schemeMatchesPublic(origin: URL, host: string, publicUrl: string | undefined): boolean {
  const own = publicUrl ? new URL(publicUrl) : undefined;
  return !own || own.host !== host.toLowerCase() || origin.origin === own.origin;
}
