import { useState } from 'preact/hooks';
import type { Conversation } from '@tribu/protocol/client';
import { useChatDetails } from '../../hooks/useChatDetails.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { Notes } from './Notes.tsx';
import { Trail } from './Trail.tsx';

interface Props {
  socket: HelperSocket | null;
  conversationId: string;
  me: string;
  /** Managers may read another helper's earlier chat with this visitor; helpers only their own. */
  canReadOthers: boolean;
  onRead: (c: Conversation) => void;
}

const day = (iso: string) => new Date(iso).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });

/** The side panel of a chat: where the visitor went, what the merchant told, earlier chats, private notes. */
export function ChatDetails({ socket, conversationId, me, canReadOthers, onRead }: Props) {
  const { details, error, addNote } = useChatDetails(socket, conversationId, true);
  const [showAll, setShowAll] = useState(false);
  if (error) return <p class="alert">{error}</p>;
  if (!details) return <p class="muted details-loading">Loading details…</p>;
  const earlier = showAll ? details.earlier : details.earlier.slice(0, 3);
  return (
    <div class="details-body">
      <section aria-label="Page trail">
        <h3>Page trail</h3>
        <Trail trail={details.trail} />
      </section>
      <section aria-label="Earlier chats">
        <h3>Earlier chats</h3>
        {details.earlier.length === 0 ? (
          <p class="muted small">First time here.</p>
        ) : (
          <ul class="earlier">
            {earlier.map((c) => (
              <li key={c.id}>
                {canReadOthers || c.helper?.id === me ? (
                  <button type="button" class="link" onClick={() => onRead(c)}>
                    {c.question}
                  </button>
                ) : (
                  <span>{c.question}</span>
                )}
                <span class="muted small">
                  {day(c.createdAt)}
                  {c.rating ? ` · ${'★'.repeat(c.rating)}` : ''}
                  {c.helper ? ` · ${c.helper.displayName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {details.earlier.length > 3 && !showAll && (
          <button type="button" class="link" onClick={() => setShowAll(true)}>
            Show all {details.earlier.length}
          </button>
        )}
        {details.followUpByEmail && <p class="muted small">The visitor asked to be told of an answer by email.</p>}
      </section>
      <Notes notes={details.notes} onAdd={addNote} />
    </div>
  );
}
