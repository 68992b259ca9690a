import { useEffect, useState } from 'preact/hooks';
import type { Newcomer } from '@tribu/protocol/client';
import { onboardingApi } from '../../api/onboarding.ts';
import { Avatar } from '../Avatar.tsx';
import { useNow } from '../../hooks/useNow.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  onProfile: (userId: string) => void;
  /** Bumped when a notification arrives (a new mentee, say). */
  refresh: number;
}

/** For a mentor: the newcomers they guide and where each stands; nothing when they guide nobody. */
export function MyMentees({ siteId, onProfile, refresh }: Props) {
  const { t, f } = useI18n();
  const w = t.community.onboarding;
  const now = useNow(60_000);
  const [mentees, setMentees] = useState<Newcomer[]>([]);
  useEffect(() => {
    let current = true;
    // Quiet on failure: this is a courtesy strip, the desk works without it.
    onboardingApi.mentees(siteId).then(
      (v) => current && setMentees(v.mentees),
      () => undefined,
    );
    return () => void (current = false);
  }, [siteId, refresh]);
  if (mentees.length === 0) return null;
  return (
    <section class="mentees" aria-labelledby="mentees-h">
      <h2 id="mentees-h">{w.menteesTitle}</h2>
      <ul>
        {mentees.map((m) => (
          <li key={m.id}>
            <button type="button" class="mentee" onClick={() => onProfile(m.id)}>
              <Avatar name={m.displayName} url={m.avatarUrl} size={28} />
              <strong>{m.displayName}</strong>
              <span class="sr-only">{w.profileSr}</span>
            </button>
            <span class="muted">
              {w.firstSteps(m.done, m.total)} · {w.joined(f.relative(m.joinedAt, now))} · {m.lastSeenAt ? w.seen(f.relative(m.lastSeenAt, now)) : w.notSeen}
            </span>
          </li>
        ))}
      </ul>
      <p class="muted mentees-hint">{w.menteesHint}</p>
    </section>
  );
}
