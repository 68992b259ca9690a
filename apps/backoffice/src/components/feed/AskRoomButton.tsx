import { useState } from 'preact/hooks';
import { anonymise } from '@tribu/domain';
import { LIMITS, type Conversation } from '@tribu/protocol/client';
import { command, newClientId, type HelperSocket } from '../../realtime/socket.ts';
import { Modal } from '../people/Modal.tsx';
import { ChatIcon } from './icons.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Props {
  socket: HelperSocket | null;
  conversation: Conversation;
  onDone?: () => void;
}

const draft = (c: Conversation) => `A visitor asks: “${anonymise(c.question).trim()}” Any idea?`;

/** "Ask the room": posts the visitor's question, anonymised and editable, to the feed, linked to this chat. */
export function AskRoomButton({ socket, conversation, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = conversation.status === 'active';
  const start = () => {
    setText(draft(conversation));
    setError(null);
    setOpen(true);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!socket) return setError('You are offline; try again when the connection is back');
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
      <button type="button" class="ghost small ask-room" disabled={!active || !socket} title="Ask your peers in the community feed" onClick={start}>
        <ChatIcon /> Ask the room
      </button>
      {open && (
        <Modal label="Ask the room" onClose={() => setOpen(false)}>
          <form class="ask-form" onSubmit={submit}>
            <h3>Ask the room</h3>
            <p class="muted">
              Your peers see this in the community feed. Emails, phone numbers and links are removed; check that nothing else identifies the visitor.
            </p>
            <label>
              Question for the community
              <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            {over && <p class="alert">Posts are at most {LIMITS.postText} characters</p>}
            <ErrorAlert message={error} />
            <div class="reason-actions">
              <button type="button" class="ghost" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" class="primary small" disabled={busy || !text.trim() || over}>
                {busy ? 'Posting…' : 'Post to the feed'}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
