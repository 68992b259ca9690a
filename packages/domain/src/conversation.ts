import type { AuthorKind, ConversationStatus, Role } from '@tribu/protocol';

/** What can happen to a conversation. */
export const ConversationAction = {
  claim: 'claim',
  send: 'send',
  end: 'end',
  /** Back to the board: the helper gave it up, or sent no first answer in time. */
  release: 'release',
} as const;
export type ConversationAction = (typeof ConversationAction)[keyof typeof ConversationAction];

const allowed: Record<ConversationStatus, Record<ConversationAction, boolean>> = {
  waiting: { claim: true, send: true, end: true, release: false },
  active: { claim: false, send: true, end: true, release: true },
  closed: { claim: false, send: false, end: false, release: false },
};

/** Whether `action` is possible in `status` (the state machine of DESIGN.md). */
export function canTransition(status: ConversationStatus, action: ConversationAction): boolean {
  return allowed[status][action];
}

/** The status after `action`; throws on an impossible move so callers never write one. */
export function nextStatus(status: ConversationStatus, action: ConversationAction): ConversationStatus {
  if (!canTransition(status, action)) throw new Error(`cannot ${action} a ${status} conversation`);
  if (action === 'claim') return 'active';
  if (action === 'end') return 'closed';
  if (action === 'release') return 'waiting';
  return status;
}

/** Whether the author may post in a conversation with this status: helpers only once it is theirs. */
export function canSend(status: ConversationStatus, author: AuthorKind): boolean {
  if (author === 'visitor') return status !== 'closed';
  return status === 'active';
}

/** Seconds a helper has to send a first answer after taking a request before it returns to the board. */
export const DEFAULT_RELEASE_AFTER_SEC = 90;

/** Default cap on a helper's simultaneous chats (a site setting may override it). */
export const DEFAULT_CHAT_CAP = 4;

/** Whether a helper holding `openChats` may take one more under `cap`. */
export function canTakeAnotherChat(openChats: number, cap: number = DEFAULT_CHAT_CAP): boolean {
  return openChats < cap;
}

const roleRank: Record<Role, number> = { helper: 1, moderator: 2, admin: 3 };

/** Whether `role` includes the rights of `needed` (admin ⊃ moderator ⊃ helper). */
export function hasRole(role: Role | null | undefined, needed: Role): boolean {
  return role != null && roleRank[role] >= roleRank[needed];
}
