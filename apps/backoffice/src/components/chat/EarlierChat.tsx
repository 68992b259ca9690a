import { useEffect, useState } from 'preact/hooks';
import type { Conversation, Message } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** An earlier chat of the visitor, read-only (the server decides who may read it). */
export function EarlierChat({ socket, conversation, onClose }: { socket: HelperSocket; conversation: Conversation; onClose: () => void }) {
  const { t, f } = useI18n();
  const w = t.desk.details;
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void command(socket, 'conversation:fetch', { conversationId: conversation.id }).then((r) =>
      r.ok ? setMessages(r.data.messages) : setError(r.error.message),
    );
  }, [socket, conversation.id]);
  return (
    <Modal label={w.earlierChat} onClose={onClose} class="wide-modal">
      <h2>{conversation.question}</h2>
      <p class="muted small">
        {f.dateTime(conversation.createdAt)} · {w.readOnly}
      </p>
      {error && <p class="alert">{error}</p>}
      {!messages && !error && <p class="muted">{t.common.loading}</p>}
      <ul class="earlier-log">
        {messages?.map((m) => (
          <li key={m.id} class={m.author}>
            <span class="muted small">{m.author === 'helper' ? (m.authorName ?? t.desk.log.helper) : m.author === 'visitor' ? t.desk.log.visitor : ''}</span>
            <p>{m.text}</p>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
