import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Me } from '@tribu/protocol/client';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { OpenReportsBadge } from '../moderation/OpenReportsBadge.tsx';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { PageShell } from '../recognition/PageShell.tsx';
import { MANAGE_SECTIONS, sectionsFor } from './sections.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
  title: string;
  /** The page itself, given the chosen site (the top bar's site choice) and the page's live socket (null until connected). */
  children: (siteId: string, socket: HelperSocket | null) => ComponentChildren;
}

/**
 * The frame of every management page: the top bar, a section menu for what this person's role on
 * the chosen site allows, and the page. Someone without the rights is told so instead of the page.
 */
export function ManageShell({ me, onSignedOut, title, children }: Props) {
  const { t } = useI18n();
  const { siteId, setSiteId, membership } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  const { path } = useLocation();
  const sections = sectionsFor(membership?.role);
  const allowed = sections.some((s) => path.startsWith(s.href));
  const adminsOnly = MANAGE_SECTIONS.find((s) => path.startsWith(s.href))?.role === 'admin';
  // On a phone the menu scrolls sideways: the open section is brought into view, not left off-screen.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'center' }), [path, sections.length]);
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={title}>
      <div class="manage">
        <nav ref={nav} class="manage-nav" aria-label={t.settings.nav.label}>
          {sections.map((s) => (
            <a key={s.href} href={s.href} aria-current={path.startsWith(s.href) ? 'page' : undefined}>
              {t.settings.nav[s.label]}
              {s.href === '/backoffice/manage/moderation' && <OpenReportsBadge siteId={siteId} socket={socket} />}
            </a>
          ))}
        </nav>
        <div class="manage-body">
          {allowed ? (
            children(siteId, socket)
          ) : (
            <p class="notice" role="alert">
              {adminsOnly ? t.settings.nav.adminsOnly : t.settings.nav.managersOnly} {t.settings.nav.chooseAnother}{' '}
              <a href="/backoffice">{t.settings.nav.desk}</a>.
            </p>
          )}
        </div>
      </div>
    </PageShell>
  );
}
