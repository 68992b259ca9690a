import { hasRole } from '@tribu/domain';
import { ErrorCode } from '@tribu/protocol';
import { AppError, notFound } from '../lib/errors.ts';
import type { HelperActor } from './actors.ts';

/**
 * Managers-only actions: someone outside the site gets "not found" (another site's things answer
 * like missing ones); a helper of the site is told plainly that only managers may.
 */
export function requireManager(actor: HelperActor, siteId: string | undefined, what = 'Site'): asserts siteId is string {
  const role = siteId ? actor.roles[siteId] : undefined;
  if (!role) throw notFound(what);
  if (!hasRole(role, 'moderator')) throw new AppError(ErrorCode.forbidden, 'Only community managers can do that');
}

/** Site administration (settings, roles): outsiders get "not found"; helpers and managers are told only admins may. */
export function requireAdmin(actor: HelperActor, siteId: string | undefined, what = 'Site'): asserts siteId is string {
  const role = siteId ? actor.roles[siteId] : undefined;
  if (!role) throw notFound(what);
  if (!hasRole(role, 'admin')) throw new AppError(ErrorCode.forbidden, 'Only the site admins can do that');
}
