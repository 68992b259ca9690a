import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';

export function Composer({ placeholder, onSend }: { placeholder: string; onSend: (text: string) => void }) {
  const [text, setText] = useState('');
  const tooLong = text.length > LIMITS.messageText;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t || tooLong) return;
    onSend(t);
    setText('');
  };
  return (
    <form class="composer" onSubmit={submit}>
      {tooLong && (
        <p class="limit" role="alert">
          Your message is {text.length - LIMITS.messageText} characters over the {LIMITS.messageText}-character limit.
        </p>
      )}
      <div class="row">
        <textarea
          aria-label="Your message"
          placeholder={placeholder}
          rows={2}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
          }}
        />
        <button type="submit" class="send" disabled={!text.trim() || tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
