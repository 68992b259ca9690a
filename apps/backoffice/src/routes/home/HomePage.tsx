import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_CHAT_CAP, canTakeAnotherChat } from '@tribu/domain';
import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import { ChatList } from '../../components/ChatList.tsx';
import { ChatPane } from '../../components/ChatPane.tsx';
import { RequestBoard } from '../../components/RequestBoard.tsx';
import { TopBar } from '../../components/TopBar.tsx';
import { useHelperDesk } from '../../hooks/useHelperDesk.ts';

export function HomePage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [siteId, setSiteId] = useState(me.memberships[0]?.siteId ?? '');
  if (!siteId) {
    return (
      <main class="splash">
        <p>Your account is not part of any community yet.</p>
      </main>
    );
  }
  return <Desk key={siteId} me={me} siteId={siteId} onSite={setSiteId} onSignedOut={onSignedOut} />;
}

function Desk({ me, siteId, onSite, onSignedOut }: { me: Me; siteId: string; onSite: (id: string) => void; onSignedOut: () => void }) {
  const desk = useHelperDesk(siteId);
  const selected = desk.chats.find((c) => c.conversation.id === desk.selected) ?? null;
  useEffect(() => {
    document.title = desk.queue.length ? `(${desk.queue.length}) Tribu` : 'Tribu';
  }, [desk.queue.length]);
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class="shell">
      <TopBar me={me} siteId={siteId} onSite={onSite} link={desk.link} onSignOut={signOut} />
      {desk.link === 'reconnecting' && (
        <p class="banner" role="status">
          Connection lost — reconnecting… Your messages will resync.
        </p>
      )}
      {desk.notice && (
        <p class="banner info" role="alert">
          {desk.notice}{' '}
          <button type="button" class="link" onClick={() => desk.setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      <main class="desk">
        <ChatList chats={desk.chats} selected={desk.selected} onSelect={desk.setSelected} />
        <ChatPane
          chat={selected}
          onSend={(t) => selected && desk.send(selected.conversation.id, t)}
          onRetry={(id) => selected && desk.retry(selected.conversation.id, id)}
          onEnd={() => selected && void desk.end(selected.conversation.id)}
          onDismiss={() => selected && desk.dismiss(selected.conversation.id)}
          onTyping={() => selected && desk.typing(selected.conversation.id)}
        />
        <RequestBoard
          items={desk.queue}
          cap={DEFAULT_CHAT_CAP}
          atCap={!canTakeAnotherChat(desk.activeCount)}
          onClaim={(id) => void desk.claim(id)}
        />
      </main>
    </div>
  );
}
