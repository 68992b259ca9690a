import { and, count, eq } from 'drizzle-orm';
import { memberships, users } from '@tribu/db';
import { roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { notFound } from '../../lib/errors.ts';

/**
 * Leaving a community: my chats go back to the board (the same release path as the desk's button,
 * so visitors and peers learn it the same way), my membership goes, my tabs leave the site's room.
 * With no community left, the account itself is deleted. Returns whether the account remains.
 */
export async function leaveCommunity(deps: ModuleDeps, actor: HelperActor, siteId: string): Promise<{ accountDeleted: boolean }> {
  if (!roleOn(actor, siteId)) throw notFound('Community');
  const held = await deps.conversationRepo.activeForHelper(siteId, actor.userId);
  // The membership goes first: the last active admin is refused here (the database keeps one per
  // site), before any chat is let go, so a refused leave changes nothing.
  await deps.db.delete(memberships).where(and(eq(memberships.userId, actor.userId), eq(memberships.siteId, siteId)));
  for (const row of held) {
    // A chat ended or released a moment ago is simply not ours any more.
    await deps.conversations.release(actor, row.id).catch((err: unknown) => deps.log.info({ err }, 'chat not released on leave'));
  }
  // Every open tab, on this node and the others, loses the role and the site's chats at once.
  await deps.notify.rightsChanged(actor.userId, siteId);
  deps.notify.presenceChanged(siteId);
  const [left] = await deps.db.select({ n: count() }).from(memberships).where(eq(memberships.userId, actor.userId));
  if ((left?.n ?? 0) > 0) return { accountDeleted: false };
  // Sessions, photo, minutes, notifications go with the user (cascade); messages keep their text, author unset.
  await deps.db.delete(users).where(eq(users.id, actor.userId));
  // Its sessions went with it: its tabs on every node close.
  await deps.notify.rightsChanged(actor.userId, siteId);
  return { accountDeleted: true };
}
