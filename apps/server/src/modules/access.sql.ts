import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { bans, conversations, messages, pointsLedger, reports } from '@tribu/db';
import { memberSites, sitesWithRole, roleOn } from './access.ts';
import type { Actor, HelperActor } from './actors.ts';

/**
 * The SQL twins of access.ts's read rules, for queries that list conversations: the same rule as
 * the function named in each comment, written as a drizzle condition on `conversations`.
 * read-rule.test.ts checks on a table of cases that each twin selects exactly the rows its
 * function allows; change both together.
 */

const never = sql`false`;

/** Same rule as `mayReadConversation`: the owning visitor; its helper unless sent to staff; the site's managers. */
export function conversationReadableBy(actor: Actor): SQL {
  if (actor.kind === 'visitor') return and(eq(conversations.visitorId, actor.visitorId), eq(conversations.siteId, actor.siteId))!;
  const managed = sitesWithRole(actor, 'moderator');
  const member = memberSites(actor);
  const parts: SQL[] = [];
  if (managed.length > 0) parts.push(inArray(conversations.siteId, managed));
  if (member.length > 0) {
    parts.push(and(inArray(conversations.siteId, member), isNull(conversations.staffAt), eq(conversations.helperId, actor.userId))!);
  }
  return parts.length > 0 ? or(...parts)! : never;
}

/** Same rule as `maySeeEarlierChat`: managers all of their sites' chats; helpers those never sent to staff. */
export function earlierChatVisibleTo(actor: Actor): SQL {
  if (actor.kind === 'visitor') return conversationReadableBy(actor);
  const managed = sitesWithRole(actor, 'moderator');
  const member = memberSites(actor);
  const parts: SQL[] = [];
  if (managed.length > 0) parts.push(inArray(conversations.siteId, managed));
  if (member.length > 0) parts.push(and(inArray(conversations.siteId, member), isNull(conversations.staffAt))!);
  return parts.length > 0 ? or(...parts)! : never;
}

/**
 * Observe's rule, the one place it is written (the list and the opening of one chat both use it):
 * a member of the site may watch a chat of that site that ended, that a helper answered, that
 * never went to the staff queue, and that nothing marked — no visitor message flagged by the
 * site's word filter, no report about it (whatever came of the report), not set aside by a manager
 * (`exclude:` mark in the ledger), its visitor never banned from the site (by id or address, even
 * if the ban was lifted later), not erased. Anyone else: no rows.
 */
export function observableBy(actor: HelperActor, siteId: string): SQL {
  return roleOn(actor, siteId) ? observableIn(siteId) : never;
}

/** The chat half of `observableBy`, without the reader: for counts of what there is to watch (no content). */
export function observableIn(siteId: string): SQL {
  return and(
    eq(conversations.siteId, siteId),
    eq(conversations.status, 'closed'),
    isNotNull(conversations.firstResponseAt),
    isNotNull(conversations.helperId),
    isNull(conversations.staffAt),
    isNull(conversations.staffFlaggedBy),
    isNull(conversations.erasedAt),
    sql`not exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.flagged})`,
    sql`not exists (select 1 from ${reports} where ${reports.conversationId} = ${conversations.id})`,
    sql`not exists (select 1 from ${pointsLedger} where ${pointsLedger.siteId} = ${conversations.siteId} and ${pointsLedger.idempotencyKey} = 'exclude:' || ${conversations.id})`,
    sql`not exists (select 1 from ${bans} where ${bans.siteId} = ${conversations.siteId} and (${bans.visitorId} = ${conversations.visitorId} or (${bans.ipHash} is not null and ${bans.ipHash} = ${conversations.ipHash})))`,
  )!;
}
