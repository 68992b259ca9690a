import { useState } from 'preact/hooks';
import type { Peer } from '@tribu/protocol/client';
import { Avatar } from '../Avatar.tsx';
import { Modal } from '../people/Modal.tsx';

interface Props {
  peers: Peer[];
  me: string;
  onOffer: (peerId: string) => Promise<string | null>;
  onClose: () => void;
}

const order = { available: 0, busy: 1, away: 2 } as const;
const label = { available: 'Available', busy: 'All chats taken', away: 'Away' } as const;

/** Picks the peer online who should take this chat; available ones first. They accept or decline. */
export function HandoffDialog({ peers, me, onOffer, onClose }: Props) {
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
    <Modal label="Hand to a peer" onClose={onClose}>
      <h2>Hand to a peer</h2>
      <p class="muted">They see the whole conversation and can accept or decline. You keep it until they accept.</p>
      {others.length === 0 ? (
        <p class="muted">Nobody else is online right now.</p>
      ) : (
        <ul class="peer-pick">
          {others.map((p) => (
            <li key={p.id}>
              <Avatar name={p.displayName} url={p.avatarUrl} size={34} />
              <span class="peer-pick-name">
                <strong>{p.displayName}</strong>
                <span class="muted small">
                  {label[p.status]} · {p.activeChats} {p.activeChats === 1 ? 'chat' : 'chats'}
                  {p.languages.length ? ` · ${p.languages.join(', ')}` : ''}
                </span>
              </span>
              <button
                type="button"
                class="primary small"
                disabled={busy !== null || p.status === 'away'}
                aria-label={`Offer to ${p.displayName}`}
                onClick={() => void offer(p.id)}
              >
                {busy === p.id ? 'Offering…' : 'Offer'}
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
