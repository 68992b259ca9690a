import type { WebhookEvent } from '@tribu/protocol/client';

/** Each event as admins pick it: a name and what triggers it. */
export const EVENT_WORDS: Record<WebhookEvent, { label: string; hint: string }> = {
  'conversation.started': { label: 'Chat started', hint: 'a visitor asks a question' },
  'conversation.answered': { label: 'Chat answered', hint: "a helper's first answer" },
  'conversation.ended': { label: 'Chat ended', hint: 'by the visitor or the helper' },
  'conversation.rated': { label: 'Chat rated', hint: 'the visitor gave stars' },
  'purchase.attributed': { label: 'Purchase credited', hint: 'assisted by a chat or a referral code' },
  'helper.joined': { label: 'Helper joined', hint: 'someone joined the community' },
};

export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
