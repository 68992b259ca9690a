import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** The board's requests as they are now. */
  items: { conversationId: string }[];
}

/**
 * One polite live region for the board: a request that arrives is read out once ("New visitor request
 * (3 waiting)"), several at once in one sentence. Requests already there when the desk opens are not
 * announced. The question itself is not repeated: it is on the board, and a long one would drown the rest.
 */
export function NewRequestsAnnouncer({ items }: Props) {
  const { t } = useI18n();
  const seen = useRef<Set<string> | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    const ids = new Set(items.map((i) => i.conversationId));
    if (seen.current) {
      const fresh = items.filter((i) => !seen.current!.has(i.conversationId));
      if (fresh.length === 1) setSaid(t.a11y.newRequest(items.length));
      else if (fresh.length > 1) setSaid(t.a11y.newRequests(fresh.length, items.length));
    }
    seen.current = ids;
  }, [items, t]);
  return (
    <p class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="new-requests-announcer">
      {said}
    </p>
  );
}
