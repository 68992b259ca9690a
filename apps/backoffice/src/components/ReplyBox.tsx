import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';

interface Props {
  conversationId: string;
  closed: boolean;
  onSend: (text: string) => void;
  onTyping: () => void;
}

/** The helper's reply: Enter sends, Shift+Enter adds a line; disabled once the chat has ended. */
export function ReplyBox({ conversationId, closed, onSend, onTyping }: Props) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const text = drafts[conversationId] ?? '';
  const setText = (t: string) => setDrafts((d) => ({ ...d, [conversationId]: t }));
  const over = text.length - LIMITS.messageText;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t || over > 0 || closed) return;
    onSend(t);
    setText('');
  };
  return (
    <form class="reply" onSubmit={submit}>
      {over > 0 && (
        <p class="alert" role="alert">
          {over} characters over the {LIMITS.messageText}-character limit.
        </p>
      )}
      <textarea
        aria-label="Reply"
        placeholder={closed ? 'This chat has ended' : 'Write your answer…'}
        disabled={closed}
        rows={2}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
        }}
      />
      <button class="primary" type="submit" disabled={closed || !text.trim() || over > 0}>
        Send
      </button>
      {!closed && <p class="reply-hint">Enter to send · Shift+Enter for a new line</p>}
    </form>
  );
}
