import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { api } from '../../api/http.ts';
import type { Link } from '../../hooks/useHelperDesk.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { ReconnectBanner } from '../ReconnectBanner.tsx';
import { Toasts } from '../Toasts.tsx';
import { TopBar } from '../TopBar.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  siteId: string;
  onSite: (siteId: string) => void;
  link: Link;
  socket: HelperSocket | null;
  onSignedOut: () => void;
  title: string;
  children: ComponentChildren;
}

/** The frame of a recognition page: top bar with navigation, live toasts, a roomy scrolling body. */
export function PageShell({ me, siteId, onSite, link, socket, onSignedOut, title, children }: Props) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · Tribu`;
    return () => void (document.title = 'Tribu');
  }, [title]);
  const signOut = async () => {
    await api.logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class="shell page-shell">
      <TopBar me={me} siteId={siteId} onSite={onSite} link={link} onSignOut={signOut} socket={socket} />
      {link === 'reconnecting' && <ReconnectBanner>{t.recognition.reconnecting}</ReconnectBanner>}
      <main class="rec-page">{children}</main>
      <Toasts socket={socket} siteId={siteId} userId={me.user.id} />
    </div>
  );
}
