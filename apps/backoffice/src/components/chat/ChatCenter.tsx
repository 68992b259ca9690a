import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Peer } from '@tribu/protocol/client';
import { useCanned } from '../../hooks/useCanned.ts';
import { useChatRoute, useWide } from '../../hooks/useChatRoute.ts';
import type { useHelperDesk } from '../../hooks/useHelperDesk.ts';
import type { Chat } from '../../realtime/chat-state.ts';
import { ChatList } from '../ChatList.tsx';
import { ChatPane } from '../ChatPane.tsx';
import { CannedManager } from './CannedManager.tsx';

interface Props {
  desk: ReturnType<typeof useHelperDesk>;
  siteId: string;
  me: string;
  isManager: boolean;
  peers: Peer[];
  typing: (conversationId: string, on?: boolean) => void;
  reveal: number;
  /** The community feed, shown when no chat is selected (kept mounted to keep its place). */
  children: ComponentChildren;
}

/** The centre column: the feed tab and one tab per chat, one chat (or two side by side) shown. */
export function ChatCenter({ desk, siteId, me, isManager, peers, typing, reveal, children }: Props) {
  useChatRoute(desk.selected, desk.setSelected);
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
        onEnd={() => void desk.end(id)}
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
        onSelect={desk.setSelected}
        sideBySide={sideBySide}
        canSideBySide={canSideBySide}
        onSideBySide={setSideBySide}
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
      {managing && (
        <CannedManager answers={canned.answers} isManager={isManager} onSave={canned.save} onDelete={canned.remove} onClose={() => setManaging(false)} />
      )}
    </>
  );
}

/** A chat address that is not one of mine: say so, and show nothing of it. */
function NotYours({ loading, onBack }: { loading: boolean; onBack: () => void }) {
  return (
    <section class="column pane empty-pane" aria-label="Chat">
      <div>
        {loading ? (
          <p class="muted">Opening the chat…</p>
        ) : (
          <>
            <h2>This chat isn't yours or no longer exists</h2>
            <p class="muted">It may have ended, moved to a peer, or belong to someone else.</p>
            <button type="button" class="primary small" onClick={onBack}>
              Back to the community
            </button>
          </>
        )}
      </div>
    </section>
  );
}
