import type { FeedClientEvents, feedCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import { moderate, pin } from './feed-moderation.ts';
import type { FeedService } from './feed.service.ts';

/** Socket handlers of the feed (`feed:*`): thin, the service checks rights. */
export function feedCommands({ actor }: HelperCommandContext, feed: FeedService): HandlersOf<FeedClientEvents, typeof feedCommandSchemas> {
  return {
    'feed:list': (p) => feed.list(actor, p),
    'feed:post': (p) => feed.post(actor, p),
    'feed:ask': (p) => feed.ask(actor, p),
    'feed:comment': (p) => feed.comment(actor, p),
    'feed:comments': (p) => feed.comments(actor, p.postId),
    'feed:like': (p) => feed.like(actor, p.postId, p.liked),
    'feed:moderate': (p) => moderate(feed, actor, p),
    'feed:pin': (p) => pin(feed, actor, p),
  };
}
