import type { Newcomer, NewcomersView, OnboardingStepKey } from '@tribu/protocol/client';
import { Avatar } from '../../../components/Avatar.tsx';
import { daysAgo } from '../../../components/onboarding/when.ts';

const STEP_NAMES: Record<OnboardingStepKey, string> = {
  charter: 'Charter accepted',
  profile: 'Profile complete',
  observe: 'Chats watched',
  firstChat: 'First chat answered',
};

interface Props {
  view: NewcomersView;
  busy: string | null;
  onMentor: (newcomer: Newcomer, mentorId: string | null) => void;
}

/** Where each newcomer stands: steps, activity, and their mentor (a select to assign, change or remove). */
export function NewcomersTable({ view, busy, onMentor }: Props) {
  if (view.newcomers.length === 0) {
    return <p class="encourage">No newcomers right now. People who join through an invitation show here for their first 60 days.</p>;
  }
  return (
    <table class="nc-table">
      <caption class="sr-only">Newcomers, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Newcomer</th>
          <th scope="col">Joined</th>
          <th scope="col">Steps</th>
          <th scope="col">Last seen</th>
          <th scope="col">Chats answered</th>
          <th scope="col">Mentor</th>
        </tr>
      </thead>
      <tbody>
        {view.newcomers.map((n) => {
          const options = view.mentors.filter((m) => m.id !== n.id);
          const currentMissing = n.mentor && !options.some((m) => m.id === n.mentor!.id);
          return (
            <tr key={n.id}>
              <th scope="row">
                <span class="nc-name">
                  <Avatar name={n.displayName} url={n.avatarUrl} size={32} />
                  <span>{n.displayName}</span>
                </span>
              </th>
              <td data-label="Joined">
                <time dateTime={n.joinedAt} title={new Date(n.joinedAt).toLocaleDateString()}>
                  {daysAgo(n.joinedAt)}
                </time>
              </td>
              <td data-label="Steps">
                <span class="nc-steps">
                  <span class="nc-icons" aria-hidden="true">
                    {n.steps.map((s) => (
                      <span key={s.key} class={`nc-step ${s.done ? 'is-done' : ''}`} title={`${STEP_NAMES[s.key]}: ${s.done ? 'done' : 'not yet'}`}>
                        {s.done ? '✓' : ''}
                      </span>
                    ))}
                  </span>
                  <span class="sr-only">{n.steps.map((s) => `${STEP_NAMES[s.key]}: ${s.done ? 'done' : 'not yet'}. `).join('')}</span>
                  <span class="nc-count">
                    {n.done} of {n.total}
                  </span>
                </span>
              </td>
              <td data-label="Last seen">{n.lastSeenAt ? daysAgo(n.lastSeenAt) : <span class="muted">Not yet</span>}</td>
              <td data-label="Chats answered">{n.chatsAnswered}</td>
              <td data-label="Mentor">
                <select
                  aria-label={`Mentor for ${n.displayName}`}
                  value={n.mentor?.id ?? ''}
                  disabled={busy === n.id}
                  onChange={(e) => onMentor(n, e.currentTarget.value || null)}
                >
                  <option value="">No mentor</option>
                  {currentMissing && <option value={n.mentor!.id}>{n.mentor!.displayName}</option>}
                  {options.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName} · {m.chatsAnswered} {m.chatsAnswered === 1 ? 'chat' : 'chats'}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
