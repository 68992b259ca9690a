import type { Role } from '@tribu/protocol';

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
}

export type Actor = VisitorActor | HelperActor;
