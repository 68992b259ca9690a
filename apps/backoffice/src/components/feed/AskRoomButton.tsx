import { useState } from 'preact/hooks';
import { anonymise } from '@tribu/domain';
import { LIMITS, type Conversation } from '@tribu/protocol/client';
import { command, newClientId, type HelperSocket } from '../../realtime/socket.ts';
import { Modal } from '../people/Modal.tsx';
import { ChatIcon } from './icons.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n, type Messages } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  conversation: Conversation;
  onDone?: () => void;
}

const draft = (c: Conversation, t: Messages) => t.community.feed.askDraft(anonymise(c.question).trim());

/** "Ask the room": posts the visitor's question, anonymised and editable, to the feed, linked to this chat. */
export function AskRoomButton({ socket, conversation, onDone }: Props) {
  const { t, f } = useI18n();
  const w = t.community.feed;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = conversation.status === 'active';
  const start = () => {
    setText(draft(conversation, t));
    setError(null);
    setOpen(true);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!socket) return setError(w.offlineRetry);
    setBusy(true);
    // The server scrubs again: whatever the helper typed back in, no email, phone or link reaches the room.
    const r = await command(socket, 'feed:ask', { conversationId: conversation.id, clientId: newClientId(), text: text.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setOpen(false);
    onDone?.();
  };
  const over = text.trim().length > LIMITS.postText;
  return (
    <>
      <button type="button" class="ghost small ask-room" disabled={!active || !socket} title={w.askHint} onClick={start}>
        <ChatIcon /> {w.askTitle}
      </button>
      {open && (
        <Modal label={w.askTitle} onClose={() => setOpen(false)}>
          <form class="ask-form" onSubmit={submit}>
            <h3>{w.askTitle}</h3>
            <p class="muted">{w.askIntro}</p>
            <label>
              {w.askQuestion}
              <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            {over && <p class="alert">{w.postTooLong(f.number(LIMITS.postText))}</p>}
            <ErrorAlert message={error} />
            <div class="reason-actions">
              <button type="button" class="ghost" onClick={() => setOpen(false)}>
                {t.common.cancel}
              </button>
              <button type="submit" class="primary small" disabled={busy || !text.trim() || over}>
                {busy ? w.posting : w.postToFeed}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
