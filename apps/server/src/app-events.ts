import type { FastifyBaseLogger } from 'fastify';
import type { ConversationEvents } from './modules/conversations/conversation.events.ts';
import type { QueuePositions } from './modules/conversations/queue-positions.ts';

/** What reacts to conversation events besides the sockets; built after the conversation service, so read late. */
export interface Reactions {
  offlineAnswers: Pick<ConversationEvents, 'messageCreated'>;
  moderation: { flaggedMessage(message: Parameters<ConversationEvents['messageCreated']>[1]): void };
  transcripts: { conversationUpdated(conversation: Parameters<ConversationEvents['conversationUpdated']>[1]): void };
  visitorEmails: Pick<ConversationEvents, 'conversationUpdated'>;
  gamification: { chatEnded(conversationId: string): Promise<void> };
  /** Outgoing webhooks: the conversation's events go to the outbox. */
  webhooks: Pick<ConversationEvents, 'conversationUpdated' | 'messageCreated'>;
}

/**
 * Every conversation event goes to the sockets (`relay`) and to what else reacts to it: queue
 * positions, helpers' presence, mails, moderation, scoring. `later()` is read at each event, as
 * those services are built after the conversation service that emits.
 */
export function conversationFanOut(
  relay: ConversationEvents,
  deps: { positions: QueuePositions; presenceChanged: (siteId: string) => void; later: () => Reactions; log: FastifyBaseLogger },
): ConversationEvents {
  const { positions, presenceChanged, later, log } = deps;
  return {
    ...relay,
    // A visitor who left an email and went away hears of the first answer by mail (off the send path).
    messageCreated: (visitorId, message) => {
      relay.messageCreated(visitorId, message);
      later().offlineAnswers.messageCreated(visitorId, message);
      later().moderation.flaggedMessage(message);
      later().webhooks.messageCreated(visitorId, message);
    },
    // Whenever the queue moves, waiting visitors learn their new place in line.
    queueAdded: (item) => {
      relay.queueAdded(item);
      positions.moved(item.siteId);
    },
    queueRemoved: (siteId, conversationId) => {
      relay.queueRemoved(siteId, conversationId);
      positions.moved(siteId);
    },
    // A claim, an end or a release changes someone's chats in progress: peers re-list.
    conversationUpdated: (visitorId, conversation) => {
      relay.conversationUpdated(visitorId, conversation);
      // A visitor who left an address gets the transcript when the chat ends (off the close path).
      later().transcripts.conversationUpdated(conversation);
      // A new chat with an address: the visitor confirms it before Tribu mails them anything else.
      later().visitorEmails.conversationUpdated(visitorId, conversation);
      later().webhooks.conversationUpdated(visitorId, conversation);
      if (conversation.helper) presenceChanged(conversation.siteId);
      // An ended or rated chat is scored; awarding is idempotent, so a retried close awards once.
      if (conversation.status === 'closed' && conversation.helper) {
        later()
          .gamification.chatEnded(conversation.id)
          .catch((err: unknown) => log.warn({ err }, 'scoring failed'));
      }
    },
    helperReleased: (userId, conversation) => {
      relay.helperReleased(userId, conversation);
      presenceChanged(conversation.siteId);
    },
  };
}
