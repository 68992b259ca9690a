import { useLocation } from 'preact-iso';
import type { Me } from '@tribu/protocol/client';
import type { Link } from '../hooks/useHelperDesk.ts';
import type { HelperSocket } from '../realtime/socket.ts';
import { Avatar } from './Avatar.tsx';
import { manageHome } from './manage/sections.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { SkipLink } from './a11y/SkipLink.tsx';
import { useI18n } from '../i18n/index.tsx';
import '../styles/topbar.css';

interface Props {
  me: Me;
  siteId: string;
  onSite: (siteId: string) => void;
  link: Link;
  onSignOut: () => void;
  /** Given on pages with a live connection: the notification bell shows next to the person. */
  socket?: HelperSocket | null;
}

const NAV = [
  { href: '/backoffice', key: 'desk' },
  { href: '/backoffice/recognition', key: 'recognition' },
  { href: '/backoffice/rewards', key: 'rewards' },
  { href: '/backoffice/events', key: 'events' },
] as const;

/** The desk owns its chats' addresses too (`/backoffice/chats/<id>`). */
const isCurrent = ({ href, match }: { href: string; match?: string }, path: string) =>
  match ? path.startsWith(match) : href === '/backoffice' ? path === href || path.startsWith('/backoffice/chats/') : path === href;

export function TopBar({ me, siteId, onSite, link, onSignOut, socket }: Props) {
  const { path } = useLocation();
  const { t } = useI18n();
  const manage = manageHome(me.memberships.find((m) => m.siteId === siteId)?.role);
  const nav: { href: string; label: string; match?: string }[] = [
    ...NAV.map((n) => ({ href: n.href, label: t.shell.nav[n.key] })),
    ...(manage ? [{ href: manage, label: t.shell.nav.manage, match: '/backoffice/manage' }] : []),
    ...(me.operator ? [{ href: '/backoffice/operator', label: t.shell.nav.operator, match: '/backoffice/operator' }] : []),
  ];
  return (
    <header class="topbar">
      <SkipLink />
      <h1 class="brand">
        <span class="dot" aria-hidden="true" /> <span class="brand-name">Tribu</span>
      </h1>
      <div class="site-line">
        {me.memberships.length > 1 ? (
          <label class="site">
            <span class="sr-only">{t.shell.site}</span>
            <select value={siteId} onChange={(e) => onSite(e.currentTarget.value)}>
              {me.memberships.map((m) => (
                <option key={m.siteId} value={m.siteId}>
                  {m.siteName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span class="site">{me.memberships[0]?.siteName}</span>
        )}
        <span class={`link-state ${link}`}>{t.shell.link[link]}</span>
      </div>
      <nav class="main-nav" aria-label={t.shell.nav.main}>
        {nav.map((n) => (
          <a key={n.href} href={n.href} aria-current={isCurrent(n, path) ? 'page' : undefined}>
            {n.label}
          </a>
        ))}
      </nav>
      <span class="spacer" />
      {socket !== undefined && <NotificationBell socket={socket} online={link === 'online'} />}
      <a class="who" href="/backoffice/profile" title={t.shell.myProfile}>
        <Avatar name={me.user.displayName} url={me.user.avatarUrl} />
        <span class="who-name">{me.user.displayName}</span>
        <span class="sr-only">{t.shell.myProfileAfterName}</span>
      </a>
      <button type="button" class="ghost sign-out" onClick={onSignOut} title={t.common.signOut}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H4"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        <span class="sign-out-text">{t.common.signOut}</span>
      </button>
    </header>
  );
}
