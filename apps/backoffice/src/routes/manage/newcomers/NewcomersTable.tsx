import type { Newcomer, NewcomersView, OnboardingStepKey } from '@tribu/protocol/client';
import { Avatar } from '../../../components/Avatar.tsx';
import { useNow } from '../../../hooks/useNow.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  view: NewcomersView;
  busy: string | null;
  onMentor: (newcomer: Newcomer, mentorId: string | null) => void;
}

/** Where each newcomer stands: steps, activity, and their mentor (a select to assign, change or remove). */
export function NewcomersTable({ view, busy, onMentor }: Props) {
  const { t, f } = useI18n();
  const w = t.community.newcomers;
  const now = useNow(60_000);
  const step = (key: OnboardingStepKey, done: boolean) => w.stepState(w.steps[key], done);
  if (view.newcomers.length === 0) {
    return <p class="encourage">{w.empty}</p>;
  }
  return (
    <table class="nc-table">
      <caption class="sr-only">{w.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.newcomer}</th>
          <th scope="col">{w.joinedCol}</th>
          <th scope="col">{w.stepsCol}</th>
          <th scope="col">{w.lastSeen}</th>
          <th scope="col">{w.chatsAnswered}</th>
          <th scope="col">{w.mentor}</th>
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
              <td data-label={w.joinedCol}>
                <time dateTime={n.joinedAt} title={f.date(n.joinedAt)}>
                  {f.relative(n.joinedAt, now)}
                </time>
              </td>
              <td data-label={w.stepsCol}>
                <span class="nc-steps">
                  <span class="nc-icons" aria-hidden="true">
                    {n.steps.map((s) => (
                      <span key={s.key} class={`nc-step ${s.done ? 'is-done' : ''}`} title={step(s.key, s.done)}>
                        {s.done ? '✓' : ''}
                      </span>
                    ))}
                  </span>
                  <span class="sr-only">{n.steps.map((s) => `${step(s.key, s.done)}. `).join('')}</span>
                  <span class="nc-count">{w.stepsOf(n.done, n.total)}</span>
                </span>
              </td>
              <td data-label={w.lastSeen}>{n.lastSeenAt ? f.relative(n.lastSeenAt, now) : <span class="muted">{w.notYet}</span>}</td>
              <td data-label={w.chatsAnswered}>{f.number(n.chatsAnswered)}</td>
              <td data-label={w.mentor}>
                <select
                  aria-label={w.mentorFor(n.displayName)}
                  value={n.mentor?.id ?? ''}
                  disabled={busy === n.id}
                  onChange={(e) => onMentor(n, e.currentTarget.value || null)}
                >
                  <option value="">{w.noMentor}</option>
                  {currentMissing && <option value={n.mentor!.id}>{n.mentor!.displayName}</option>}
                  {options.map((m) => (
                    <option key={m.id} value={m.id}>
                      {w.mentorOption(m.displayName, f.plural(m.chatsAnswered, w.chats))}
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
