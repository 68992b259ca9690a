import type { Conversation, Message, PageViewed, QueueItem, QueuePosition, ReadUpdated, TypingUpdated } from '@tribu/protocol';

/** What the conversation service announces; the socket layer fans it out to rooms on every node. */
export interface ConversationEvents {
  queueAdded(item: QueueItem): void;
  queueRemoved(siteId: string, conversationId: string): void;
  messageCreated(visitorId: string, message: Message): void;
  conversationUpdated(visitorId: string, conversation: Conversation): void;
  pageViewed(payload: PageViewed): void;
  /** Tells the other side of the conversation that someone is (or stopped) typing. */
  typingUpdated(visitorId: string, payload: TypingUpdated): void;
  /** Tells the other side how far someone has read. */
  readUpdated(visitorId: string, payload: ReadUpdated): void;
  /** Tells a waiting visitor where they stand in the queue. */
  queuePosition(visitorId: string, payload: QueuePosition): void;
  /** Tells a helper's tabs that a chat went back to the board, and takes them out of its room. */
  helperReleased(userId: string, conversation: Conversation): void;
  /** A hand-off offered to `userId` is no longer open (the chat was released or ended): their banner goes. */
  handoffWithdrawn(userId: string, conversationId: string): void;
  /** Puts every socket of the helper (any tab, any node) into the conversation's room. */
  helperJoined(userId: string, conversationId: string): void;
}
