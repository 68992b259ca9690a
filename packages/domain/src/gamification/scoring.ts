/** How a site scores its helpers' chats; every value is editable by the site's managers. */
export interface ScoringRules {
  /** Points for an answered chat. */
  pointsPerChat: number;
  /** Bonus when the visitor rates the chat 4 or 5. */
  goodRatingBonus: number;
  /** Bonus when the first answer came within `fastAnswerSec` of the question. */
  fastAnswerBonus: number;
  fastAnswerSec: number;
  /** At most this many points a day from chats with one visitor (no farming one friendly visitor). */
  dailyCapPerVisitor: number;
  /** A chat shorter than this (question to end) does not count as answered. */
  minChatSec: number;
}

export const DEFAULT_SCORING: ScoringRules = {
  pointsPerChat: 1,
  goodRatingBonus: 1,
  fastAnswerBonus: 1,
  fastAnswerSec: 60,
  dailyCapPerVisitor: 3,
  minChatSec: 30,
};

/** What happened in one ended chat, as far as scoring is concerned. */
export interface ChatFacts {
  conversationId: string;
  /** When the visitor asked, when the helper first answered (null: never), when it ended. */
  askedAt: Date;
  firstAnswerAt: Date | null;
  closedAt: Date;
  /** The visitor wrote after the helper's first answer. */
  visitorRepliedAfterAnswer: boolean;
  rating: number | null;
  /** A manager marked it abusive or out of scope, or the helper sent it to staff: it earns nothing and never counts against anyone. */
  excluded: boolean;
}

export const AwardReason = { chat: 'chat', goodRating: 'good_rating', fastAnswer: 'fast_answer' } as const;
export type AwardReason = (typeof AwardReason)[keyof typeof AwardReason];

/** One ledger entry to write; `key` makes writing it twice impossible. */
export interface Award {
  key: string;
  reason: AwardReason;
  points: number;
}

/**
 * An answered chat: the helper answered, the visitor engaged (wrote after the answer, or rated),
 * and it lasted at least the site's minimum. Anything else earns nothing.
 */
export function isAnswered(f: ChatFacts, rules: ScoringRules = DEFAULT_SCORING): boolean {
  if (f.excluded || !f.firstAnswerAt) return false;
  const engaged = f.visitorRepliedAfterAnswer || f.rating !== null;
  const lastedSec = (f.closedAt.getTime() - f.askedAt.getTime()) / 1000;
  return engaged && lastedSec >= rules.minChatSec;
}

/**
 * The points a chat earns, capped by what this visitor already brought the helper today.
 * Keys are per conversation and reason, so a retried close or a second node awards once.
 */
export function awardsFor(f: ChatFacts, rules: ScoringRules = DEFAULT_SCORING, alreadyFromVisitorToday = 0): Award[] {
  if (!isAnswered(f, rules)) return [];
  const candidates: Award[] = [{ key: `chat:${f.conversationId}`, reason: AwardReason.chat, points: rules.pointsPerChat }];
  if (f.rating !== null && f.rating >= 4) {
    candidates.push({ key: `rating:${f.conversationId}`, reason: AwardReason.goodRating, points: rules.goodRatingBonus });
  }
  const firstAnswerSec = (f.firstAnswerAt!.getTime() - f.askedAt.getTime()) / 1000;
  if (firstAnswerSec <= rules.fastAnswerSec) {
    candidates.push({ key: `fast:${f.conversationId}`, reason: AwardReason.fastAnswer, points: rules.fastAnswerBonus });
  }
  let room = Math.max(0, rules.dailyCapPerVisitor - alreadyFromVisitorToday);
  const awards: Award[] = [];
  for (const a of candidates) {
    const points = Math.min(a.points, room);
    if (points <= 0) break;
    awards.push({ ...a, points });
    room -= points;
  }
  return awards;
}
