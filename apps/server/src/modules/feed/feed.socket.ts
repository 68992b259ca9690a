import { ErrorCode, type FeedClientEvents, type feedCommandSchemas } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HandlersOf, HelperCommandContext } from '../../socket/helper-commands.ts';
import type { FeedService } from './feed.service.ts';

const todo = async (): Promise<never> => {
  throw new AppError(ErrorCode.unavailable, 'Not available yet');
};

/** Socket handlers of the feed (`feed:*`). */
export function feedCommands(
  _ctx: HelperCommandContext,
  _feed: FeedService,
): HandlersOf<FeedClientEvents, typeof feedCommandSchemas> {
  return {
    'feed:list': todo,
    'feed:post': todo,
    'feed:ask': todo,
    'feed:comment': todo,
    'feed:comments': todo,
    'feed:like': todo,
    'feed:moderate': todo,
    'feed:pin': todo,
  };
}
