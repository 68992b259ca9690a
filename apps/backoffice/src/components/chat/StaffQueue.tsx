import { useNow, since } from '../../hooks/useNow.ts';
import type { StaffItem } from '../../hooks/useStaffQueue.ts';

interface Props {
  items: StaffItem[];
  claiming: string | null;
  onTake: (conversationId: string) => void;
}

/** Managers: chats helpers passed to the brand's staff, oldest first, to take over. */
export function StaffQueue({ items, claiming, onTake }: Props) {
  const now = useNow();
  return (
    <section class="column staff-queue" aria-label="Needs staff">
      <h2>
        Needs staff <span class="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="muted small staff-empty">Nothing waiting for the team.</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.conversationId} class="staff-card">
              <p class="staff-q">{i.question}</p>
              <p class="muted small">
                <span class="chip staff-reason">{i.reason}</span> flagged {since(i.at, now)}
              </p>
              <button
                type="button"
                class="primary small"
                disabled={claiming !== null}
                aria-label={`Take over: ${i.question.slice(0, 60)}`}
                onClick={() => onTake(i.conversationId)}
              >
                Take over
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
