import { useState } from 'preact/hooks';
import type { Conversation } from '@tribu/protocol/client';
import { useChatDetails } from '../../hooks/useChatDetails.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { Notes } from './Notes.tsx';
import { Trail } from './Trail.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  conversationId: string;
  me: string;
  /** Managers may read another helper's earlier chat with this visitor; helpers only their own. */
  canReadOthers: boolean;
  onRead: (c: Conversation) => void;
}

/** The side panel of a chat: where the visitor went, what the merchant told, earlier chats, private notes. */
export function ChatDetails({ socket, conversationId, me, canReadOthers, onRead }: Props) {
  const { t, f } = useI18n();
  const w = t.desk.details;
  const { details, error, addNote } = useChatDetails(socket, conversationId, true);
  const [showAll, setShowAll] = useState(false);
  if (error) return <p class="alert">{error}</p>;
  if (!details) return <p class="muted details-loading">{w.loading}</p>;
  const earlier = showAll ? details.earlier : details.earlier.slice(0, 3);
  return (
    <div class="details-body">
      <section aria-label={w.trail}>
        <h3>{w.trail}</h3>
        <Trail trail={details.trail} />
      </section>
      <section aria-label={w.earlier}>
        <h3>{w.earlier}</h3>
        {details.earlier.length === 0 ? (
          <p class="muted small">{w.firstTime}</p>
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
                  {f.date(c.createdAt)}
                  {c.rating ? ` · ${'★'.repeat(c.rating)}` : ''}
                  {c.helper ? ` · ${c.helper.displayName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {details.earlier.length > 3 && !showAll && (
          <button type="button" class="link" onClick={() => setShowAll(true)}>
            {w.showAll(details.earlier.length)}
          </button>
        )}
        {details.followUpByEmail && <p class="muted small">{w.byEmail}</p>}
      </section>
      <Notes notes={details.notes} onAdd={addNote} />
    </div>
  );
}
