import { useI18n } from '../i18n/index.tsx';

/** What a phone shows when no chat is open: the request board, my chats, or the community feed. */
export type PhoneView = 'requests' | 'chats' | 'community';

interface Props {
  view: PhoneView;
  onView: (view: PhoneView) => void;
  waiting: number;
  chats: number;
  /** Chats whose last word is the visitor's. */
  yourTurn: number;
}

/** The phone's bottom bar: every part of the desk one tap away, above the home indicator. */
export function PhoneNav({ view, onView, waiting, chats, yourTurn }: Props) {
  const { t } = useI18n();
  const w = t.desk.phoneNav;
  const item = (v: PhoneView, label: string, count: number, hint?: string) => (
    <button type="button" class={`phone-nav-item ${view === v ? 'on' : ''}`} aria-current={view === v ? 'page' : undefined} onClick={() => onView(v)}>
      <span>{label}</span>
      {count > 0 && <span class={`count ${hint ? 'turn' : ''}`}>{count}</span>}
      {hint && <span class="sr-only">, {hint}</span>}
    </button>
  );
  return (
    <nav class="phone-nav" aria-label={w.label}>
      {item('requests', w.requests, waiting)}
      {item('chats', w.myChats, chats, yourTurn ? w.yourTurn(yourTurn) : undefined)}
      {item('community', w.community, 0)}
    </nav>
  );
}
