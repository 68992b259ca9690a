import { useState } from 'preact/hooks';
import type { Mission } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { useI18n } from '../../i18n/index.tsx';

/** For a mission a person checks: a link or a few words, sent to the managers for review. */
export function EvidenceForm({ socket, mission }: { socket: HelperSocket | null; mission: Mission }) {
  const { t } = useI18n();
  const w = t.community.missions;
  const [link, setLink] = useState('');
  const [text, setText] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    if (!socket) return;
    setBusy(true);
    const r = await command(socket, 'evidence:submit', {
      missionId: mission.id,
      ...(link.trim() ? { link: link.trim() } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setSaid(r.error.message);
    setLink('');
    setText('');
    setSaid(w.evidenceSent);
  };
  const id = `ev-${mission.id}`;
  return (
    <form class="evidence-form" onSubmit={(e) => void send(e)}>
      <label for={`${id}-link`}>{w.link}</label>
      <input id={`${id}-link`} type="url" value={link} placeholder="https://…" onInput={(e) => setLink(e.currentTarget.value)} maxLength={500} />
      <label for={`${id}-text`}>{w.whatYouDid}</label>
      <textarea id={`${id}-text`} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={2000} />
      <div class="evidence-foot">
        <button type="submit" class="ghost" disabled={busy || (!link.trim() && !text.trim())}>
          {w.sendForReview}
        </button>
        <span role="status" class="muted">
          {said}
        </span>
      </div>
    </form>
  );
}
