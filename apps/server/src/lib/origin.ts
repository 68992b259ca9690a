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

/**
 * The one rule for "the visitor's page" as a link (desk, mails, moderation, exports): the URL when
 * it is http(s) on one of the site's allowed origins (`self` being `PUBLIC_URL`'s origin), else
 * null — a page URL is whatever the visitor's client says, and Tribu never lends it a link.
 */
export function siteLinkOrNull(site: { allowedOrigins: readonly string[] }, url: string | null | undefined, publicUrl: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) return null;
  const own = new URL(publicUrl).origin;
  return site.allowedOrigins.some((entry) => (entry === 'self' ? own : entry) === parsed.origin) ? parsed.href : null;
}

/** A page URL as words only: without its scheme, neither the desk nor a mail client makes it a link. */
export function pageUrlAsText(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '');
}

/** What Tribu shows of a visitor's page URL: the link when `siteLinkOrNull` allows it, else its text. */
export function shownPageUrl(site: { allowedOrigins: readonly string[] }, url: string, publicUrl: string): string {
  return siteLinkOrNull(site, url, publicUrl) ?? pageUrlAsText(url);
}
