import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_CHAT_CAP, canTakeAnotherChat } from '@tribu/domain';
import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import { ChatCenter } from '../../components/chat/ChatCenter.tsx';
import { HandoffBanner } from '../../components/chat/HandoffBanner.tsx';
import { StaffQueue } from '../../components/chat/StaffQueue.tsx';
import { useHandoffOffers } from '../../hooks/useHandoffOffers.ts';
import { useStaffQueue } from '../../hooks/useStaffQueue.ts';
import { Notice } from '../../components/Notice.tsx';
import { ReconnectBanner } from '../../components/ReconnectBanner.tsx';
import { Toasts } from '../../components/Toasts.tsx';
import { RequestBoard } from '../../components/RequestBoard.tsx';
import { TopBar } from '../../components/TopBar.tsx';
import { useHelperDesk } from '../../hooks/useHelperDesk.ts';
import { PeersOnline } from '../../components/PeersOnline.tsx';
import { Feed } from '../../components/feed/Feed.tsx';
import { usePresence } from '../../hooks/usePresence.ts';
import { useReadReceipt } from '../../hooks/useReadReceipt.ts';
import { useTypingSignal } from '../../hooks/useTypingSignal.ts';
import { useSuspension } from '../../hooks/useSuspension.ts';
import { RestReminder } from '../../components/people/RestReminder.tsx';
import { useProfile } from '../../hooks/useProfile.ts';
import { useRequestAlerts } from '../../hooks/useRequestAlerts.ts';
import { GettingStarted } from '../../components/onboarding/GettingStarted.tsx';
import { MissionsPanel } from '../../components/missions/MissionsPanel.tsx';
import { ImpactCard } from '../../components/sales/ImpactCard.tsx';

interface Props {
  me: Me;
  siteId: string;
  onSite: (siteId: string) => void;
  onSignedOut: () => void;
}

export function Desk({ me, siteId, onSite, onSignedOut }: Props) {
  const desk = useHelperDesk(siteId, me.user.id, onSignedOut);
  const presence = usePresence(desk.socket, siteId, desk.link === 'online', me.user.id);
  const typing = useTypingSignal(desk.socket);
  const { profile } = useProfile(desk.socket);
  useRequestAlerts(desk.queue, profile?.notifyPrefs);
  const membership = me.memberships.find((m) => m.siteId === siteId);
  const cap = membership?.chatCap ?? DEFAULT_CHAT_CAP;
  const topics = membership?.topics ?? [];
  // A name or photo changed on the profile page (or in another tab) shows at once.
  const meNow = profile ? { ...me, user: { ...me.user, displayName: profile.displayName, avatarUrl: profile.avatarUrl } } : me;
  const [reveal, setReveal] = useState(0);
  const chat = desk.chats.find((c) => c.conversation.id === desk.selected) ?? null;
  const isManager = membership?.role === 'moderator' || membership?.role === 'admin';
  const handoffs = useHandoffOffers(desk.socket, siteId, desk.adoptChat);
  const staffItems = useStaffQueue(desk.socket, siteId, isManager && desk.link === 'online');
  useReadReceipt(desk.socket, chat, desk.link === 'online');
  useSuspension(desk.socket);
  useEffect(() => {
    document.title = desk.queue.length ? `(${desk.queue.length}) Tribu` : 'Tribu';
    return () => void (document.title = 'Tribu');
  }, [desk.queue.length]);
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class="shell">
      <TopBar me={meNow} siteId={siteId} onSite={onSite} link={desk.link} onSignOut={signOut} socket={desk.socket} />
      {desk.link === 'reconnecting' && <ReconnectBanner>Your chats will catch up as soon as the connection is back.</ReconnectBanner>}
      {desk.notice && <Notice text={desk.notice} onDismiss={() => desk.setNotice(null)} />}
      <RestReminder profile={profile} />
      <main class="desk">
        <div class="left">
          <PeersOnline
            peers={presence.peers}
            me={me.user.id}
            myStatus={presence.myStatus}
            onStatus={(s) => void presence.setStatus(s)}
            socket={desk.socket}
            siteId={siteId}
            topics={topics}
          />
          <ImpactCard siteId={siteId} headingId="impact-desk-h" />
        </div>
        <div class="center">
          <HandoffBanner offers={handoffs.offers} onAnswer={handoffs.answer} />
          <ChatCenter desk={desk} siteId={siteId} me={me.user.id} isManager={isManager} peers={presence.peers} typing={typing} reveal={reveal}>
            <GettingStarted me={me} siteId={siteId} socket={desk.socket} topics={topics} />
            <MissionsPanel siteId={siteId} socket={desk.socket} />
            <Feed me={me} siteId={siteId} socket={desk.socket} online={desk.link === 'online'} />
          </ChatCenter>
        </div>
        <div class="right">
          <RequestBoard
            items={desk.queue}
            cap={cap}
            atCap={!canTakeAnotherChat(desk.activeCount, cap)}
            languages={profile?.languages ?? []}
            expertise={profile?.expertise ?? []}
            topics={topics}
            offline={desk.link !== 'online'}
            claiming={desk.claiming}
            onClaim={(cid) => void desk.claim(cid).then((ok) => ok && setReveal((n) => n + 1))}
          />
          {isManager && <StaffQueue items={staffItems} claiming={desk.claiming} onTake={(cid) => void desk.claim(cid)} />}
        </div>
      </main>
      <Toasts socket={desk.socket} siteId={siteId} userId={me.user.id} />
    </div>
  );
}
