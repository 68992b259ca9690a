import { useState } from 'preact/hooks';
import type { HandoffOffered } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  offers: HandoffOffered[];
  onAnswer: (conversationId: string, accept: boolean) => Promise<string | null>;
}

/** Chats a peer offers me: accept (it opens on my desk with its history) or decline. */
export function HandoffBanner({ offers, onAnswer }: Props) {
  const { t } = useI18n();
  const w = t.desk.handoff;
  const [error, setError] = useState<string | null>(null);
  if (offers.length === 0 && !error) return null;
  return (
    <div class="handoff-offers" role="region" aria-label={w.offers}>
      {offers.map((o) => (
        <div key={o.conversation.id} class="handoff-offer" role="alert">
          <svg class="handoff-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M4 12h11m-4-4 4 4-4 4M20 5v14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <p>
            <strong>{o.from.displayName}</strong> {w.wouldLike} <q>{o.conversation.question}</q>
          </p>
          <button type="button" class="primary small" onClick={() => void onAnswer(o.conversation.id, true).then(setError)}>
            {w.accept}
          </button>
          <button type="button" class="ghost small" onClick={() => void onAnswer(o.conversation.id, false).then(setError)}>
            {w.decline}
          </button>
        </div>
      ))}
      {error && (
        <p class="alert" role="alert">
          {error}{' '}
          <button type="button" class="link" onClick={() => setError(null)}>
            {t.shell.dismiss}
          </button>
        </p>
      )}
    </div>
  );
}
