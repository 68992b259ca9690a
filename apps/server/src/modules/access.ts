import { hasRole } from '@tribu/domain';
import { ErrorCode, type Role } from '@tribu/protocol';
import { AppError, notFound } from '../lib/errors.ts';
import type { Actor, HelperActor } from './actors.ts';
import type { ApiKeyPrincipal } from './sales/api-key.service.ts';

/**
 * The one place that answers "may this actor do / read this". Routes, socket commands and services
 * call these; no other file reads `actor.roles[...]` (a lint rule keeps it so).
 *
 * Refusals follow one style: someone outside the site gets "not found" (another site's things answer
 * like missing ones); a member without the right role is told plainly what role it takes.
 */

/** The actor's role on a site, or undefined when they are not an active member of it. */
export function roleOn(actor: HelperActor, siteId: string | undefined | null): Role | undefined {
  if (!siteId) return undefined;
  return Object.hasOwn(actor.roles, siteId) ? actor.roles[siteId] : undefined;
}

/** True when the actor holds at least `min` on the site. */
export function hasRoleOn(actor: HelperActor, siteId: string | undefined | null, min: Role): boolean {
  const role = roleOn(actor, siteId);
  return role !== undefined && hasRole(role, min);
}

/** Sites where the actor is an active member. */
export function memberSites(actor: HelperActor): string[] {
  return Object.keys(actor.roles);
}

/** Sites where the actor holds at least `min`. */
export function sitesWithRole(actor: HelperActor, min: Role): string[] {
  return Object.entries(actor.roles)
    .filter(([, role]) => hasRole(role, min))
    .map(([siteId]) => siteId);
}

/** Any member of the site (helper, moderator, admin); outsiders get "not found". */
export function requireMember(actor: HelperActor, siteId: string | undefined | null, what = 'Site'): asserts siteId is string {
  if (!roleOn(actor, siteId)) throw notFound(what);
}

/** At least `min` on the site: outsiders get "not found", members without the role "forbidden". */
export function requireRole(actor: HelperActor, siteId: string | undefined | null, min: Role, what = 'Site'): asserts siteId is string {
  const role = roleOn(actor, siteId);
  if (!role) throw notFound(what);
  if (!hasRole(role, min)) {
    throw new AppError(ErrorCode.forbidden, min === 'admin' ? 'Only the site admins can do that' : 'Only community managers can do that');
  }
}

/** Managers-only actions (moderators and admins). */
export function requireManager(actor: HelperActor, siteId: string | undefined | null, what = 'Site'): asserts siteId is string {
  requireRole(actor, siteId, 'moderator', what);
}

/** A site API key (/api/v1) may act only within its scopes, on its own site (plugins/api-key-auth.ts checks it first). */
export function requireKeyScope(key: ApiKeyPrincipal, scope: ApiKeyPrincipal['scopes'][number]): void {
  if (!key.scopes.includes(scope)) throw new AppError(ErrorCode.forbidden, `This key lacks the ${scope} scope`);
}

/** Site administration (settings, roles). */
export function requireAdmin(actor: HelperActor, siteId: string | undefined | null, what = 'Site'): asserts siteId is string {
  requireRole(actor, siteId, 'admin', what);
}

/** The facts about a conversation that decide who may read it. */
export interface ConversationAccessFacts {
  siteId: string;
  visitorId: string;
  helperId: string | null;
  /** Sent to the staff queue (Needs staff): from then on for the site's managers only. */
  staffAt: Date | null;
}

/**
 * The read rule for one conversation, used by every path that reads it (socket fetch, sync,
 * details, observe, exports, mails, search): the visitor who owns it; its current helper (unless
 * it went to the staff queue); a manager of its site. List queries use its SQL twin,
 * `conversationReadableBy` in access.sql.ts (a test checks that both agree on a table of cases);
 * Observe uses its own, narrower rule, `observableBy` there.
 */
export function mayReadConversation(actor: Actor, c: ConversationAccessFacts): boolean {
  if (actor.kind === 'visitor') return c.visitorId === actor.visitorId && c.siteId === actor.siteId;
  const role = roleOn(actor, c.siteId);
  if (!role) return false;
  if (hasRole(role, 'moderator')) return true;
  return c.staffAt === null && c.helperId === actor.userId;
}

/**
 * A visitor's earlier chat shown (as a summary: question, status, helper) beside a chat the reader
 * may read, in its details. Managers see them all; a helper sees those not sent to the staff queue.
 * Visitors never read others' summaries. SQL twin: `earlierChatVisibleTo` in access.sql.ts.
 */
export function maySeeEarlierChat(actor: Actor, c: ConversationAccessFacts): boolean {
  if (actor.kind === 'visitor') return mayReadConversation(actor, c);
  const role = roleOn(actor, c.siteId);
  if (!role) return false;
  return hasRole(role, 'moderator') || c.staffAt === null;
}

/**
 * Who may take a waiting request: a member of its site; a request sent to staff only a manager.
 * Claiming checks it, and so does calling people about a waiting request (Web Push, the email).
 */
export function mayTakeRequest(actor: HelperActor, c: { siteId: string; staffAt: Date | null }): boolean {
  if (!roleOn(actor, c.siteId)) return false;
  return c.staffAt === null || hasRoleOn(actor, c.siteId, 'moderator');
}

/** Throws "not found" (never "forbidden": a conversation one may not read does not exist for them). */
export function requireReadConversation<T extends ConversationAccessFacts>(actor: Actor, c: T | undefined | null): T {
  if (!c || !mayReadConversation(actor, c)) throw notFound();
  return c;
}
