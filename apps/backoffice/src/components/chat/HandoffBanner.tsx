import { useState } from 'preact/hooks';
import type { HandoffOffered } from '@tribu/protocol/client';

interface Props {
  offers: HandoffOffered[];
  onAnswer: (conversationId: string, accept: boolean) => Promise<string | null>;
}

/** Chats a peer offers me: accept (it opens on my desk with its history) or decline. */
export function HandoffBanner({ offers, onAnswer }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (offers.length === 0 && !error) return null;
  return (
    <div class="handoff-offers" role="region" aria-label="Hand-off offers">
      {offers.map((o) => (
        <div key={o.conversation.id} class="handoff-offer" role="alert">
          <svg class="handoff-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M4 12h11m-4-4 4 4-4 4M20 5v14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <p>
            <strong>{o.from.displayName}</strong> would like you to take over: <q>{o.conversation.question}</q>
          </p>
          <button type="button" class="primary small" onClick={() => void onAnswer(o.conversation.id, true).then(setError)}>
            Accept
          </button>
          <button type="button" class="ghost small" onClick={() => void onAnswer(o.conversation.id, false).then(setError)}>
            Decline
          </button>
        </div>
      ))}
      {error && (
        <p class="alert" role="alert">
          {error}{' '}
          <button type="button" class="link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
