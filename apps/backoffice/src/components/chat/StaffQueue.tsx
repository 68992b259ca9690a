import { useNow } from '../../hooks/useNow.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { StaffItem } from '../../hooks/useStaffQueue.ts';

interface Props {
  items: StaffItem[];
  claiming: string | null;
  onTake: (conversationId: string) => void;
}

/** Managers: chats helpers passed to the brand's staff, oldest first, to take over. */
export function StaffQueue({ items, claiming, onTake }: Props) {
  const now = useNow();
  const { t, f } = useI18n();
  const w = t.desk.staff;
  return (
    <section class="column staff-queue" aria-label={w.queue}>
      <h2>
        {w.queue} <span class="count">{f.number(items.length)}</span>
      </h2>
      {items.length === 0 ? (
        <p class="muted small staff-empty">{w.empty}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.conversationId} class="staff-card">
              <p class="staff-q">{i.question}</p>
              <p class="muted small">
                <span class="chip staff-reason">{i.reason}</span> {w.flagged(f.relative(i.at, now))}
              </p>
              <button
                type="button"
                class="primary small"
                disabled={claiming !== null}
                aria-label={w.takeOverLabel(i.question.slice(0, 60))}
                onClick={() => onTake(i.conversationId)}
              >
                {w.takeOver}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
