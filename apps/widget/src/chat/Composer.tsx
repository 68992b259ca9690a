import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { useI18n } from './i18n/index.ts';

interface Props {
  placeholder: string;
  onSend: (text: string, email?: string) => void;
  onTyping: () => void;
  /** Ask for an optional email (nobody online: the answer may come later). */
  askEmail: boolean;
}

export function Composer({ placeholder, onSend, onTyping, askEmail }: Props) {
  const { t } = useI18n();
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
          {t.tooLong(text.length - LIMITS.messageText, LIMITS.messageText)}
        </p>
      )}
      {askEmail && (
        <label class="email">
          {t.yourEmail}
          <input type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
      )}
      {!emailOk && (
        <p class="limit" role="alert">
          {t.emailInvalid}
        </p>
      )}
      <div class="row">
        <textarea
          aria-label={t.yourMessage}
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
          {t.send}
        </button>
      </div>
    </form>
  );
}
