import { useCallback, useState } from 'preact/hooks';

/** How a person likes their desk: who is online as a full list or a narrow rail, chat details shown or not. */
export interface DeskLayout {
  peersOpen: boolean;
  detailsOpen: boolean;
}

const DEFAULT: DeskLayout = { peersOpen: false, detailsOpen: false };
const key = (userId: string) => `tribu.desk-layout.${userId}`;

function read(userId: string): DeskLayout {
  try {
    const saved = JSON.parse(localStorage.getItem(key(userId)) ?? '{}') as Partial<DeskLayout>;
    return { peersOpen: saved.peersOpen === true, detailsOpen: saved.detailsOpen === true };
  } catch {
    return DEFAULT;
  }
}

/**
 * The desk's layout, remembered per person on this device: the conversation gets the room by default
 * (both side panels folded), and whatever the person opens stays open on their next visit.
 */
export function useDeskLayout(userId: string) {
  const [layout, setLayout] = useState(() => read(userId));
  const change = useCallback(
    (patch: Partial<DeskLayout>) =>
      setLayout((cur) => {
        const next = { ...cur, ...patch };
        try {
          localStorage.setItem(key(userId), JSON.stringify(next));
        } catch {
          // Private mode or a full storage: the choice holds for this visit only.
        }
        return next;
      }),
    [userId],
  );
  return { layout, change };
}
