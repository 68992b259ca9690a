import { useState } from 'preact/hooks';
import type { Peer } from '@tribu/protocol/client';
import { Avatar } from '../Avatar.tsx';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  peers: Peer[];
  me: string;
  onOffer: (peerId: string) => Promise<string | null>;
  onClose: () => void;
}

const order = { available: 0, busy: 1, away: 2 } as const;

/** Picks the peer online who should take this chat; available ones first. They accept or decline. */
export function HandoffDialog({ peers, me, onOffer, onClose }: Props) {
  const { t, f } = useI18n();
  const w = t.desk.handoff;
  const label = { available: t.desk.peers.available, busy: t.desk.peers.allTaken, away: t.desk.peers.away };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const others = peers.filter((p) => p.id !== me).sort((a, b) => order[a.status] - order[b.status]);
  const offer = async (id: string) => {
    setBusy(id);
    const err = await onOffer(id);
    setBusy(null);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal label={w.title} onClose={onClose}>
      <h2>{w.title}</h2>
      <p class="muted">{w.intro}</p>
      {others.length === 0 ? (
        <p class="muted">{w.nobody}</p>
      ) : (
        <ul class="peer-pick">
          {others.map((p) => (
            <li key={p.id}>
              <Avatar name={p.displayName} url={p.avatarUrl} size={34} />
              <span class="peer-pick-name">
                <strong>{p.displayName}</strong>
                <span class="muted small">
                  {label[p.status]} · {f.plural(p.activeChats, t.desk.peers.chats)}
                  {p.languages.length ? ` · ${p.languages.join(', ')}` : ''}
                </span>
              </span>
              <button
                type="button"
                class="primary small"
                disabled={busy !== null || p.status === 'away'}
                aria-label={w.offerTo(p.displayName)}
                onClick={() => void offer(p.id)}
              >
                {busy === p.id ? w.offering : w.offer}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
