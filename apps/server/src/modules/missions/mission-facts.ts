import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../notifier.ts';

/**
 * The notifier modules get, with the feed's `created` and `removed` facts also counted for missions
 * (a tip posted or taken down): the node that takes it counts it, off the post's path. `missions` is read late, as
 * it is built from the modules' dependencies.
 */
export function withMissionFacts(
  notify: Notifier,
  missions: () => { factsChanged(siteId: string, userId: string): Promise<void> },
  log: FastifyBaseLogger,
): Notifier {
  const count = (siteId: string, userId: string) =>
    void missions()
      .factsChanged(siteId, userId)
      .catch((err: unknown) => log.warn({ err }, 'mission progress not counted'));
  return {
    ...notify,
    feed: {
      ...notify.feed,
      created: (post) => {
        notify.feed.created(post);
        if (post.kind === 'post' && post.author) count(post.siteId, post.author.id);
      },
      // A tip taken down by a moderator no longer counts.
      removed: (siteId, authorId, ref) => {
        notify.feed.removed(siteId, authorId, ref);
        if (authorId && !ref.commentId) count(siteId, authorId);
      },
    },
  };
}
