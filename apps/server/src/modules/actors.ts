import type { Locale, Role } from '@tribu/protocol';

/** An anonymous visitor, proven by a valid token for one site. */
export interface VisitorActor {
  kind: 'visitor';
  visitorId: string;
  siteId: string;
}

/** A signed-in backoffice user with a role per site. */
export interface HelperActor {
  kind: 'helper';
  userId: string;
  displayName: string;
  roles: Record<string, Role>;
  /** The language chosen in their profile, if any (the site's own words are read in it). */
  locale?: Locale | null;
  /** Their browser's languages Tribu speaks, best first (this request's, or the socket's handshake). */
  accepts?: Locale[];
}

export type Actor = VisitorActor | HelperActor;
