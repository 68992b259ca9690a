import { useState } from 'preact/hooks';
import { LIMITS, type WidgetState } from '@tribu/protocol/client';
import { useI18n } from './i18n/index.ts';

/** What the visitor gives with their first message, when the site asks. */
export interface Intro {
  name?: string;
  email?: string;
  consent?: true;
}

interface Props {
  placeholder: string;
  onSend: (text: string, intro?: Intro) => void;
  onTyping: () => void;
  /** Before the first message: the fields the site asks for (email is offered when nobody is online). */
  prechat: WidgetState['prechat'] | null;
  privacy: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function Composer({ placeholder, onSend, onTyping, prechat, privacy }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const tooLong = text.length > LIMITS.messageText;
  const emailBad = !!email && !EMAIL.test(email);
  const missing =
    !!prechat && ((prechat.name === 'required' && !name.trim()) || (prechat.email === 'required' && !email.trim()) || (prechat.consent && !consent));
  const submit = (e?: Event) => {
    e?.preventDefault();
    setTried(true);
    const body = text.trim();
    if (!body || tooLong || emailBad || missing) return;
    const intro: Intro | undefined = prechat
      ? {
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(consent ? { consent: true as const } : {}),
        }
      : undefined;
    onSend(body, intro);
    setText('');
    setTried(false);
  };
  const field = (kind: 'name' | 'email') => prechat && prechat[kind] !== 'off';
  return (
    <form class="composer" onSubmit={submit} noValidate>
      {tooLong && (
        <p class="limit" role="alert">
          {t.tooLong(text.length - LIMITS.messageText, LIMITS.messageText)}
        </p>
      )}
      {field('name') && (
        <label class="email">
          {prechat!.name === 'required' ? t.yourName : t.yourNameOptional}
          <input autoComplete="name" maxLength={LIMITS.displayName} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      )}
      {field('email') && (
        <label class="email">
          {prechat!.email === 'required' ? t.yourEmailRequired : t.yourEmail}
          <input type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
      )}
      {prechat?.consent && (
        <label class="consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>{privacy}</span>
        </label>
      )}
      {emailBad && (
        <p class="limit" role="alert">
          {t.emailInvalid}
        </p>
      )}
      {tried && missing && (
        <p class="limit" role="alert">
          {t.missing}
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
        <button type="submit" class="send" disabled={!text.trim() || tooLong || emailBad}>
          {t.send}
        </button>
      </div>
    </form>
  );
}
