import { useEffect, useState } from 'preact/hooks';
import type { Conversation, Message } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { Modal } from '../people/Modal.tsx';

/** An earlier chat of the visitor, read-only (the server decides who may read it). */
export function EarlierChat({ socket, conversation, onClose }: { socket: HelperSocket; conversation: Conversation; onClose: () => void }) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void command(socket, 'conversation:fetch', { conversationId: conversation.id }).then((r) =>
      r.ok ? setMessages(r.data.messages) : setError(r.error.message),
    );
  }, [socket, conversation.id]);
  return (
    <Modal label="Earlier chat" onClose={onClose} class="wide-modal">
      <h2>{conversation.question}</h2>
      <p class="muted small">{new Date(conversation.createdAt).toLocaleString()} · read-only</p>
      {error && <p class="alert">{error}</p>}
      {!messages && !error && <p class="muted">Loading…</p>}
      <ul class="earlier-log">
        {messages?.map((m) => (
          <li key={m.id} class={m.author}>
            <span class="muted small">{m.author === 'helper' ? (m.authorName ?? 'Helper') : m.author === 'visitor' ? 'Visitor' : ''}</span>
            <p>{m.text}</p>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
