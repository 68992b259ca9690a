import { mentionedIds } from '@tribu/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { HelperActor } from '../actors.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { MemberRow } from './feed.repository.ts';

const SNIPPET = 80;
const snippet = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > SNIPPET ? `${one.slice(0, SNIPPET - 1)}…` : one;
};

interface Written {
  siteId: string;
  postId: string;
  text: string;
  /** Post author to tell about a new comment (none for a post). */
  postAuthorId?: string | null;
}

/** Who hears about a post or comment: mentioned members (if they want to) and the post's author. */
export class FeedNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly log: FastifyBaseLogger,
  ) {}

  async written(actor: HelperActor, members: MemberRow[], w: Written): Promise<void> {
    const mentioned = mentionedIds(w.text, members).filter((id) => id !== actor.userId);
    const byId = new Map(members.map((m) => [m.id, m]));
    const jobs = mentioned
      .filter((id) => byId.get(id)?.mentionsOn)
      .map((userId) => this.send(actor, w, userId, 'mention', `${actor.displayName} mentioned you: “${snippet(w.text)}”`));
    const author = w.postAuthorId;
    // A post author who is also mentioned gets the mention only: one ping per comment is enough.
    if (author && author !== actor.userId && !mentioned.includes(author) && byId.has(author)) {
      jobs.push(this.send(actor, w, author, 'comment', `${actor.displayName} commented on your post: “${snippet(w.text)}”`));
    }
    await Promise.all(jobs);
  }

  async moderated(actor: HelperActor, siteId: string, postId: string, authorId: string | null, what: string, reason: string) {
    if (!authorId || authorId === actor.userId) return;
    await this.send(actor, { siteId, postId, text: '' }, authorId, 'moderation', `A moderator ${what}: ${reason}`);
  }

  private async send(actor: HelperActor, w: Written, userId: string, kind: 'mention' | 'comment' | 'moderation', text: string) {
    try {
      await this.notifications.notify({ userId, siteId: w.siteId, kind, actorId: actor.userId, text, link: { postId: w.postId } });
    } catch (err) {
      // The post itself is stored and shown; a lost ping is logged rather than failing the author's action.
      this.log.error({ err, userId, kind }, 'feed notification failed');
    }
  }
}
