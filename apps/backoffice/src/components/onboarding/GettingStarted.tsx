import { useEffect, useState } from 'preact/hooks';
import type { Me, Membership } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { useOnboarding } from '../../hooks/useOnboarding.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { scrollBehavior } from '../a11y/motion.ts';
import { Avatar } from '../Avatar.tsx';
import { PublicProfileDialog } from '../people/PublicProfileDialog.tsx';
import { MyMentees } from './MyMentees.tsx';
import { stepWords } from './step-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  siteId: string;
  socket: HelperSocket | null;
  topics: Membership['topics'];
}

/** The request board is on the desk itself: bring it into view for a first chat. */
function showRequests() {
  const board = document.querySelector<HTMLElement>('.requests');
  if (!board) return;
  board.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
  board.setAttribute('tabindex', '-1');
  board.focus({ preventScroll: true });
}

/** The desk's onboarding corner: my own checklist, and the newcomers I mentor. */
export function GettingStarted(props: Props) {
  const [profileOf, setProfileOf] = useState<string | null>(null);
  const [bump, setBump] = useState(0);
  const { socket, siteId, topics } = props;
  useEffect(() => {
    if (!socket) return;
    const onNote = () => setBump((n) => n + 1);
    socket.on('notification:created', onNote);
    return () => void socket.off('notification:created', onNote);
  }, [socket]);
  return (
    <>
      <Checklist {...props} onProfile={setProfileOf} />
      <MyMentees siteId={siteId} onProfile={setProfileOf} refresh={bump} />
      {profileOf && <PublicProfileDialog socket={socket} siteId={siteId} userId={profileOf} topics={topics} onClose={() => setProfileOf(null)} />}
    </>
  );
}

/**
 * A newcomer's first steps on the desk: the charter, a profile, a few chats watched, a first answer.
 * Friendly and unhurried; closes only once everything is done. Once closed, it only comes back as a
 * slim note when the charter changes.
 */
function Checklist({ me, siteId, socket, onProfile }: Props & { onProfile: (userId: string) => void }) {
  const { t, f } = useI18n();
  const w = t.community.onboarding;
  const { status, setStatus } = useOnboarding(socket, siteId);
  const [closing, setClosing] = useState(false);
  if (!status) return null;
  if (status.complete && status.dismissed) {
    if (!status.charter.needsAcceptance) return null;
    return (
      <section class="charter-note" aria-label={w.charterUpdated}>
        <span aria-hidden="true" class="charter-note-mark">
          §
        </span>
        <p>{w.charterChanged}</p>
        <a class="primary small" href={`/backoffice/charter?site=${encodeURIComponent(siteId)}`}>
          {w.readNewCharter}
        </a>
      </section>
    );
  }
  const close = async () => {
    setClosing(true);
    try {
      setStatus(await onboardingApi.dismiss(me.csrfToken, siteId));
    } finally {
      setClosing(false);
    }
  };
  const pct = status.total ? Math.round((status.done / status.total) * 100) : 100;
  const site = me.memberships.find((m) => m.siteId === siteId)?.siteName ?? null;
  return (
    <section class={`getting-started ${status.complete ? 'all-done' : ''}`} aria-labelledby="gs-h">
      <header class="gs-head">
        <div class="gs-title">
          <h2 id="gs-h">{w.gettingStarted}</h2>
          <p class="muted">{status.complete ? w.allSet(site) : w.welcome(site)}</p>
        </div>
        <div class="gs-progress">
          <span class="gs-count">{w.stepsOf(status.done, status.total)}</span>
          <span
            class="gs-bar"
            role="progressbar"
            aria-label={w.stepsDone}
            aria-valuemin={0}
            aria-valuemax={status.total}
            aria-valuenow={status.done}
            aria-valuetext={w.stepsOf(status.done, status.total)}
          >
            <span style={{ width: `${pct}%` }} />
          </span>
        </div>
        {status.mentor && (
          <button type="button" class="gs-mentor" onClick={() => onProfile(status.mentor!.id)}>
            <Avatar name={status.mentor.displayName} url={status.mentor.avatarUrl} size={32} />
            <span>
              <span class="gs-mentor-label">{w.yourMentor}</span>
              <strong>{status.mentor.displayName}</strong>
            </span>
          </button>
        )}
      </header>
      <ol class="gs-steps">
        {status.steps.map((s) => {
          const words = stepWords(s, t, f);
          return (
            <li key={s.key} class={s.done ? 'is-done' : ''}>
              <span class="gs-check" aria-hidden="true">
                {s.done ? '✓' : ''}
              </span>
              <span class="gs-step-text">
                <strong>{words.title}</strong>
                <span class="sr-only">{s.done ? w.stepDone : w.stepNotDone}</span>
                <span class="gs-detail">{words.detail}</span>
                {words.href ? (
                  <a href={`${words.href}?site=${encodeURIComponent(siteId)}`}>{words.action}</a>
                ) : (
                  !s.done && (
                    <button type="button" class="link" onClick={showRequests}>
                      {words.action}
                    </button>
                  )
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {status.complete && (
        <div class="gs-foot">
          <p>{w.noPressure}</p>
          <button type="button" class="primary small" disabled={closing} onClick={() => void close()}>
            {w.closeChecklist}
          </button>
        </div>
      )}
    </section>
  );
}
