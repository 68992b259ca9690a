import '../../styles/desk.css';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_CHAT_CAP, canTakeAnotherChat } from '@tribu/domain';
import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import { ChatCenter } from '../../components/chat/ChatCenter.tsx';
import { HandoffBanner } from '../../components/chat/HandoffBanner.tsx';
import { PushedRequest } from '../../components/push/PushedRequest.tsx';
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
import { EventsTeaser } from '../../components/events/EventsTeaser.tsx';
import { ImpactCard } from '../../components/sales/ImpactCard.tsx';
import { PhoneNav, type PhoneView } from '../../components/PhoneNav.tsx';
import { useWide } from '../../hooks/useChatRoute.ts';
import { useDeskLayout } from '../../hooks/useDeskLayout.ts';
import { useVisualViewport } from '../../hooks/useVisualViewport.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  siteId: string;
  onSite: (siteId: string) => void;
  onSignedOut: () => void;
}

export function Desk({ me, siteId, onSite, onSignedOut }: Props) {
  const { t, f } = useI18n();
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
  const { layout, change } = useDeskLayout(me.user.id);
  // Below 600 px the desk is one column: the board, or my chats, or the feed; a chat fills the screen.
  const phone = !useWide(600);
  const [phoneView, setPhoneView] = useState<PhoneView>('requests');
  useVisualViewport(phone);
  const chat = desk.chats.find((c) => c.conversation.id === desk.selected) ?? null;
  const isManager = membership?.role === 'moderator' || membership?.role === 'admin';
  const handoffs = useHandoffOffers(desk.socket, siteId, desk.adoptChat);
  const staffItems = useStaffQueue(desk.socket, siteId, isManager && desk.link === 'online');
  useReadReceipt(desk.socket, chat, desk.link === 'online');
  useSuspension(desk.socket);
  useEffect(() => {
    document.title = desk.queue.length ? t.shell.titleWaiting(f.number(desk.queue.length)) : 'Tribu';
    return () => void (document.title = 'Tribu');
  }, [desk.queue.length, t, f]);
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class={`shell ${phone ? `phone ${desk.selected !== null ? 'phone-chat' : `phone-${phoneView}`}` : ''}`}>
      <TopBar me={meNow} siteId={siteId} onSite={onSite} link={desk.link} onSignOut={signOut} socket={desk.socket} />
      {desk.link === 'reconnecting' && <ReconnectBanner>{t.desk.reconnecting}</ReconnectBanner>}
      {desk.notice && <Notice text={desk.notice} onDismiss={() => desk.setNotice(null)} />}
      <RestReminder profile={profile} />
      {/* A tapped push (?request=<id>): above the columns, so it shows on a phone whatever the view. */}
      <PushedRequest
        queue={desk.queue}
        online={desk.link === 'online'}
        claiming={desk.claiming}
        onClaim={(cid) => void desk.claim(cid).then((ok) => ok && setReveal(Date.now()))}
      />
      <main class={`desk ${layout.peersOpen ? 'peers-open' : 'peers-rail'}`}>
        <div class="left">
          <PeersOnline
            peers={presence.peers}
            me={me.user.id}
            myStatus={presence.myStatus}
            onStatus={(s) => void presence.setStatus(s)}
            socket={desk.socket}
            siteId={siteId}
            topics={topics}
            open={layout.peersOpen && !phone}
            onOpen={(peersOpen) => change({ peersOpen })}
          />
        </div>
        <div class="center">
          <HandoffBanner offers={handoffs.offers} onAnswer={handoffs.answer} />
          <ChatCenter
            desk={desk}
            siteId={siteId}
            me={me.user.id}
            isManager={isManager}
            peers={presence.peers}
            typing={typing}
            reveal={reveal}
            detailsOpen={layout.detailsOpen}
            onDetails={(detailsOpen) => change({ detailsOpen })}
            phone={phone}
            siteName={membership?.siteName ?? ''}
            languages={membership?.languages}
          >
            <GettingStarted me={me} siteId={siteId} socket={desk.socket} topics={topics} />
            <MissionsPanel siteId={siteId} socket={desk.socket} />
            <EventsTeaser siteId={siteId} socket={desk.socket} />
            <ImpactCard siteId={siteId} headingId="impact-desk-h" />
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
            onClaim={(cid) => void desk.claim(cid).then((ok) => ok && setReveal(Date.now()))}
          />
          {isManager && <StaffQueue items={staffItems} claiming={desk.claiming} onTake={(cid) => void desk.claim(cid)} />}
        </div>
      </main>
      {phone && !chat && (
        <PhoneNav
          view={phoneView}
          onView={setPhoneView}
          waiting={desk.queue.length}
          chats={desk.chats.length}
          yourTurn={desk.chats.filter((c) => c.conversation.status === 'active' && c.messages.at(-1)?.author === 'visitor').length}
        />
      )}
      <Toasts socket={desk.socket} siteId={siteId} userId={me.user.id} />
    </div>
  );
}
