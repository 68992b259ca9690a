import type { CommunityClientEvents, communityCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { ProfileService } from './profile.service.ts';

/** Socket handlers for people: public profiles and my notifications. */
export function communityCommands(
  { actor }: HelperCommandContext,
  profiles: ProfileService,
  notifications: NotificationService,
): HandlersOf<CommunityClientEvents, typeof communityCommandSchemas> {
  return {
    'profile:get': async (p) => ({ profile: await profiles.publicProfile(actor, p.siteId, p.userId) }),
    'members:list': async (p) => ({ members: await profiles.members(actor, p.siteId) }),
    'notification:list': () => notifications.list(actor.userId),
    'notification:read': async (p) => ({ unread: await notifications.markRead(actor.userId, p.ids) }),
  };
}
