import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../notifier.ts';

/**
 * The notifier modules get, with the feed's `created` fact also counted for missions (a tip in the
 * feed): every node that takes a post counts it, off the post's path. `missions` is read late, as
 * it is built from the modules' dependencies.
 */
export function withMissionFacts(
  notify: Notifier,
  missions: () => { factsChanged(siteId: string, userId: string): Promise<void> },
  log: FastifyBaseLogger,
): Notifier {
  return {
    ...notify,
    feed: {
      ...notify.feed,
      created: (post) => {
        notify.feed.created(post);
        if (post.kind === 'post' && post.author) {
          missions()
            .factsChanged(post.siteId, post.author.id)
            .catch((err: unknown) => log.warn({ err }, 'mission progress not counted'));
        }
      },
    },
  };
}
