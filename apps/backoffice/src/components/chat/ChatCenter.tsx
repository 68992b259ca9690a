import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Membership, Peer } from '@tribu/protocol/client';
import { useCanned } from '../../hooks/useCanned.ts';
import { useChatRoute, useWide } from '../../hooks/useChatRoute.ts';
import { useDeskShortcuts } from '../../hooks/useDeskShortcuts.ts';
import { useEndWithUndo } from '../../hooks/useEndWithUndo.ts';
import type { useHelperDesk } from '../../hooks/useHelperDesk.ts';
import type { Chat } from '../../realtime/chat-state.ts';
import { ChatList } from '../ChatList.tsx';
import { ChatPane } from '../ChatPane.tsx';
import { CannedManager } from './CannedManager.tsx';
import { EndChatDialog } from './EndChatDialog.tsx';
import { UndoEnd } from './UndoEnd.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  desk: ReturnType<typeof useHelperDesk>;
  siteId: string;
  me: string;
  isManager: boolean;
  peers: Peer[];
  typing: (conversationId: string, on?: boolean) => void;
  reveal: number;
  /** The person's choice for the details panel (remembered); two chats side by side fold theirs anyway. */
  detailsOpen: boolean;
  onDetails: (open: boolean) => void;
  /** On a phone: the open chat fills the screen and has a way back to the board. */
  phone: boolean;
  siteName: string;
  /** The site's languages, for the team's canned answers in each. */
  languages?: Membership['languages'];
  /** The community feed, shown when no chat is selected (kept mounted to keep its place). */
  children: ComponentChildren;
}

/** The centre column: the feed tab and one tab per chat, one chat (or two side by side) shown. */
export function ChatCenter({ desk, siteId, me, isManager, peers, typing, reveal, detailsOpen, onDetails, phone, siteName, languages, children }: Props) {
  useChatRoute(desk.selected, desk.setSelected);
  useDeskShortcuts(
    desk.chats.map((c) => c.conversation.id),
    desk.selected,
    desk.setSelected,
  );
  // When the undo window is over, only a chat still open on this desk is ended (the visitor may have left, a peer taken it).
  const undo = useEndWithUndo((id) => (desk.chats.some((c) => c.conversation.id === id && c.conversation.status === 'active') ? desk.end(id) : undefined));
  const [confirming, setConfirming] = useState<Chat | null>(null);
  const canned = useCanned(desk.socket, siteId, desk.link === 'online');
  const [managing, setManaging] = useState(false);
  const [sideBySide, setSideBySide] = useState(false);
  const wide = useWide(1280);
  const chat = desk.chats.find((c) => c.conversation.id === desk.selected) ?? null;
  const canSideBySide = wide && desk.chats.length >= 2;
  const second =
    sideBySide && canSideBySide && chat
      ? (desk.chats.find((c) => c !== chat && c.conversation.status === 'active') ?? desk.chats.find((c) => c !== chat))
      : undefined;
  const missing = desk.selected !== null && chat === null;
  const seen = useSeen([chat, second]);

  const pane = (c: Chat) => {
    const id = c.conversation.id;
    return (
      <ChatPane
        key={id}
        chat={c}
        socket={desk.socket}
        peers={peers}
        me={me}
        isManager={isManager}
        canned={canned.answers}
        compact={second !== undefined}
        onSend={(t) => {
          desk.send(id, t);
          typing(id, false);
        }}
        onRetry={(clientId) => desk.retry(id, clientId)}
        detailsOpen={detailsOpen}
        onDetails={onDetails}
        ending={undo.ending[id] !== undefined}
        onEnd={() => (c.messages.some((m) => m.author === 'helper') ? undo.schedule(id) : setConfirming(c))}
        onUndoEnd={() => undo.undo(id)}
        onBack={phone ? () => desk.setSelected(null) : undefined}
        onRelease={() => void desk.release(id)}
        onDismiss={() => desk.dismiss(id)}
        onTyping={() => typing(id)}
        onNeedsStaff={(reason) => desk.needsStaff(id, reason)}
        onManageCanned={() => setManaging(true)}
        reveal={reveal}
      />
    );
  };
  return (
    <>
      <ChatList
        chats={desk.chats}
        selected={desk.selected}
        seen={seen}
        onSelect={desk.setSelected}
        sideBySide={sideBySide}
        canSideBySide={canSideBySide}
        onSideBySide={setSideBySide}
        all={phone}
        siteName={siteName}
      />
      <div class="center-body" hidden={desk.selected !== null}>
        {children}
      </div>
      {missing && <NotYours loading={!desk.ready} onBack={() => desk.setSelected(null)} />}
      {chat && (
        <div class={`panes ${second ? 'two' : ''}`}>
          {pane(chat)}
          {second && pane(second)}
        </div>
      )}
      <UndoEnd ending={undo.ending} chats={desk.chats} siteName={siteName} onUndo={undo.undo} />
      {confirming && (
        <EndChatDialog
          question={confirming.conversation.question}
          onEnd={() => void desk.end(confirming.conversation.id)}
          onClose={() => setConfirming(null)}
        />
      )}
      {managing && (
        <CannedManager
          answers={canned.answers}
          isManager={isManager}
          languages={languages}
          onSave={canned.save}
          onDelete={canned.remove}
          onClose={() => setManaging(false)}
        />
      )}
    </>
  );
}

/** The last seq each chat showed while this tab was in view: replies up to it are not "unread". */
function useSeen(shown: (Chat | null | undefined)[]): Record<string, number> {
  const [seen, setSeen] = useState<Record<string, number>>({});
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  useEffect(() => {
    const on = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  const key = shown.map((c) => (c ? `${c.conversation.id}:${c.messages.at(-1)?.seq ?? 0}` : '')).join(',');
  useEffect(() => {
    if (!visible) return;
    setSeen((cur) => {
      let next = cur;
      for (const c of shown) {
        const last = c?.messages.at(-1)?.seq ?? 0;
        if (c && last > (cur[c.conversation.id] ?? 0)) next = { ...next, [c.conversation.id]: last };
      }
      return next;
    });
  }, [key, visible]);
  return seen;
}

/** A chat address that is not one of mine: say so, and show nothing of it. */
function NotYours({ loading, onBack }: { loading: boolean; onBack: () => void }) {
  const w = useI18n().t.desk.pane;
  return (
    <section class="column pane empty-pane" aria-label={w.chatRegion}>
      <div>
        {loading ? (
          <p class="muted">{w.opening}</p>
        ) : (
          <>
            <h2>{w.notYours}</h2>
            <p class="muted">{w.notYoursWhy}</p>
            <button type="button" class="primary small" onClick={onBack}>
              {w.backToCommunity}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
