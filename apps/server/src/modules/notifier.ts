import type { HelperServerEvents } from '@tribu/protocol';
import type { FeedEvents } from './feed/feed.events.ts';

/** The payload of a fact of the helper event map. */
type Fact<E extends keyof HelperServerEvents> = Parameters<HelperServerEvents[E]>[0];

/**
 * What modules tell the world: typed domain facts. The socket layer implements it (rooms, nodes,
 * the adapter); no module knows a socket, a room or a node (a lint rule keeps it so).
 *
 * Facts return at once, except the ones about rights and sessions: those resolve once every node
 * has acted on them, so the request that caused them answers only when no tab anywhere is stale.
 */
export interface Notifier {
  // One person, every open tab on every node.
  notificationCreated(userId: string, n: Fact<'notification:created'>): void;
  profileUpdated(userId: string, profile: Fact<'profile:updated'>): void;
  pointsAwarded(userId: string, payload: Fact<'points:awarded'>): void;
  badgeEarned(userId: string, payload: Fact<'badge:earned'>): void;
  /** A joined helper's mission progress moved (or it completed). */
  missionProgressed(userId: string, payload: Fact<'mission:progressed'>): void;
  handoffOffered(userId: string, payload: Fact<'handoff:offered'>): void;
  handoffAnswered(userIds: string[], payload: Fact<'handoff:answered'>): void;
  membershipSuspended(userId: string, payload: Fact<'membership:suspended'>): void;
  membershipReinstated(userId: string, payload: Fact<'membership:reinstated'>): void;

  // A site's people.
  /** Someone came, went or changed on the site: its helpers list presence again. */
  presenceChanged(siteId: string): void;
  staffChanged(siteId: string): void;
  rewardsChanged(siteId: string): void;
  /** A mission was created, edited or closed: the site's helpers list missions again. */
  missionsChanged(siteId: string): void;
  /** An event was created, edited, cancelled or answered: the site's helpers list events again. */
  eventsChanged(siteId: string, eventId: string): void;
  /** To the site's managers: evidence waits for a decision. */
  missionEvidenceSent(siteId: string, missionId: string): void;
  /** To the person who asked and to the site's managers. */
  redemptionUpdated(redemption: Fact<'redemption:updated'>): void;
  /** To the site's managers. */
  reportsChanged(payload: Fact<'report:changed'>): void;

  /** To everyone who may read the conversation now. */
  noteCreated(conversationId: string, note: Fact<'note:created'>): void;

  /** The community feed's facts. */
  feed: FeedEvents;

  /**
   * A person's rights changed (suspended, reinstated, removed, left, role changed, joined, account
   * deleted): every tab of theirs on every node re-reads its rights and leaves every room it may no
   * longer be in (site rooms and conversation rooms alike). Resolves when every node has done it.
   */
  rightsChanged(userId: string, siteId: string): Promise<void>;
  /** Sessions ended (sign-out, expiry, password change or reset): their tabs on every node close now. */
  sessionsEnded(sessionIds: string[]): Promise<void>;

  // Visitors.
  /** A banned visitor's widgets are told why and closed on every node. */
  visitorBanned(visitorId: string, message: string): void;
  /** An erased visitor's widgets start afresh as someone new. */
  visitorErased(visitorId: string): void;
}

/** Who has the backoffice open on THIS node (the socket layer answers; online minutes count them). */
export interface LocalHelpers {
  list(): Promise<{ userId: string; siteIds: string[] }[]>;
  onConnect(listener: (userId: string, siteIds: string[]) => void): void;
}
