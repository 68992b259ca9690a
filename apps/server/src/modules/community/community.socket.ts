import { ErrorCode, type CommunityClientEvents, type communityCommandSchemas } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HandlersOf, HelperCommandContext } from '../../socket/helper-commands.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { ProfileService } from './profile.service.ts';

/** Socket handlers for people: public profiles and my notifications. */
export function communityCommands(
  { actor }: HelperCommandContext,
  _profiles: ProfileService,
  notifications: NotificationService,
): HandlersOf<CommunityClientEvents, typeof communityCommandSchemas> {
  return {
    'profile:get': async () => {
      throw new AppError(ErrorCode.unavailable, 'Not available yet');
    },
    'notification:list': () => notifications.list(actor.userId),
    'notification:read': async (p) => ({ unread: await notifications.markRead(actor.userId, p.ids) }),
  };
}
