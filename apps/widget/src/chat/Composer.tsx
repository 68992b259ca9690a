import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';

interface Props {
  placeholder: string;
  onSend: (text: string, email?: string) => void;
  onTyping: () => void;
  /** Ask for an optional email (nobody online: the answer may come later). */
  askEmail: boolean;
}

export function Composer({ placeholder, onSend, onTyping, askEmail }: Props) {
  const [text, setText] = useState('');
  const [email, setEmail] = useState('');
  const emailOk = !email || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
  const tooLong = text.length > LIMITS.messageText;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t || tooLong || !emailOk) return;
    onSend(t, askEmail && email ? email.trim() : undefined);
    setText('');
  };
  return (
    <form class="composer" onSubmit={submit}>
      {tooLong && (
        <p class="limit" role="alert">
          Your message is {text.length - LIMITS.messageText} characters over the {LIMITS.messageText}-character limit.
        </p>
      )}
      {askEmail && (
        <label class="email">
          Your email (optional)
          <input type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
      )}
      {!emailOk && (
        <p class="limit" role="alert">
          This email address looks incomplete.
        </p>
      )}
      <div class="row">
        <textarea
          aria-label="Your message"
          placeholder={placeholder}
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
        <button type="submit" class="send" disabled={!text.trim() || tooLong || !emailOk}>
          Send
        </button>
      </div>
    </form>
  );
}
