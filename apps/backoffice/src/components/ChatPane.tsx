import { useEffect, useRef, useState } from 'preact/hooks';
import { useWide } from '../hooks/useChatRoute.ts';
import { replyId } from '../hooks/useDeskShortcuts.ts';
import type { CannedAnswer, Conversation, Peer } from '@tribu/protocol/client';
import type { Chat } from '../realtime/chat-state.ts';
import type { HelperSocket } from '../realtime/socket.ts';
import { ChatActions } from './chat/ChatActions.tsx';
import { ChatDetails } from './chat/ChatDetails.tsx';
import { EarlierChat } from './chat/EarlierChat.tsx';
import { VisitorClock } from './chat/VisitorClock.tsx';
import { MessageLog } from './MessageLog.tsx';
import { PageFacts } from './PageFacts.tsx';
import { PageLink } from './PageLink.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { useI18n } from '../i18n/index.tsx';

export interface ChatPaneProps {
  chat: Chat;
  socket: HelperSocket | null;
  peers: Peer[];
  me: string;
  isManager: boolean;
  canned: CannedAnswer[];
  /** Two chats side by side: the details start folded. */
  compact: boolean;
  onSend: (text: string) => void;
  onRetry: (clientId: string) => void;
  onEnd: () => void;
  /** This chat's end is waiting for its undo delay: the reply box rests, *Undo* is offered. */
  ending: boolean;
  onUndoEnd: () => void;
  /** The person's choice for the details beside the chat (from 1280 px); narrower they are a drawer. */
  detailsOpen: boolean;
  onDetails: (open: boolean) => void;
  /** On a phone: back to the board (the chat fills the screen). */
  onBack?: () => void;
  onRelease: () => void;
  onDismiss: () => void;
  onTyping: () => void;
  onNeedsStaff: (reason: string) => Promise<string | null>;
  onManageCanned: () => void;
  /** When the helper last took a request (a time, so it only grows): the reply box gets the focus. */
  reveal: number;
}

/** The last request taken that a pane has acted on (a pane opened later for another reason does not). */
let revealed = 0;

/** One chat: who and where the visitor is, the conversation, the reply box, and the details beside it. */
export function ChatPane(p: ChatPaneProps) {
  const { chat, socket } = p;
  const { t } = useI18n();
  const w = t.desk.pane;
  const section = useRef<HTMLElement>(null);
  // From 1280 px the details sit beside the chat, open or not as the person last left them. Narrower,
  // or two chats side by side, they are a drawer over the chat: folded on arrival, opened on demand.
  const beside = useWide(1280) && !p.compact;
  const [drawer, setDrawer] = useState(false);
  const detailsOpen = beside ? p.detailsOpen : drawer;
  const setDetailsOpen = (open: boolean) => (beside ? p.onDetails(open) : setDrawer(open));
  const [reading, setReading] = useState<Conversation | null>(null);
  useEffect(() => {
    if (p.reveal <= revealed) return;
    revealed = p.reveal;
    // A request just taken: straight to the answer on a desk; on a narrow screen into view (no keyboard popping up).
    if (window.matchMedia('(max-width: 900px)').matches) section.current?.scrollIntoView({ block: 'start' });
    else document.getElementById(replyId(chat.conversation.id))?.focus();
  }, [p.reveal]);
  const c = chat.conversation;
  const closed = c.status === 'closed';
  return (
    // The details sit beside the chat region, not inside it: a landmark of their own.
    <div class={`pane-wrap ${detailsOpen ? 'with-details' : ''} ${beside ? 'details-beside' : 'details-drawer'}`}>
      <section class="column pane" aria-label={w.chat(c.question.slice(0, 60))} ref={section}>
        <header class="pane-head">
          {p.onBack && (
            <button type="button" class="ghost back" onClick={p.onBack}>
              <span aria-hidden="true">←</span> {w.board}
            </button>
          )}
          <div class="pane-title">
            <h2>{c.question}</h2>
            <p class="who muted">
              {c.visitorName ? <strong class="visitor-name">{c.visitorName}</strong> : <span>{w.anonymous}</span>}
              {c.topics.map((t) => (
                <span key={t} class="chip topic">
                  #{t}
                </span>
              ))}
            </p>
            <VisitorClock locale={c.locale} timeZone={c.timeZone} />
            <div class="now-on">
              <span class={`live ${closed ? 'closed' : 'active'}`} aria-hidden="true" />
              <span class="muted">{closed ? w.wasOn : w.nowOn}</span> <PageLink page={chat.page} />
            </div>
            <PageFacts context={chat.page?.context} />
          </div>
          <button
            type="button"
            class={`ghost details-toggle ${detailsOpen ? 'on' : ''}`}
            aria-expanded={detailsOpen}
            aria-controls={`details-${c.id}`}
            onClick={() => setDetailsOpen(!detailsOpen)}
          >
            {w.details}
          </button>
        </header>
        <ChatActions {...p} />
        <MessageLog chat={chat} onRetry={p.onRetry} />
        <ReplyBox
          conversationId={c.id}
          closed={closed}
          ending={p.ending}
          canned={p.canned}
          onSend={p.onSend}
          onTyping={p.onTyping}
          onManageCanned={p.onManageCanned}
        />
      </section>
      {detailsOpen && (
        <aside class="column details" id={`details-${c.id}`} aria-label={w.detailsRegion}>
          <button type="button" class="details-close" aria-label={w.hideDetails} onClick={() => setDetailsOpen(false)}>
            ×
          </button>
          <ChatDetails socket={socket} conversationId={c.id} me={p.me} canReadOthers={p.isManager} onRead={setReading} />
        </aside>
      )}
      {reading && socket && <EarlierChat socket={socket} conversation={reading} onClose={() => setReading(null)} />}
    </div>
  );
}
