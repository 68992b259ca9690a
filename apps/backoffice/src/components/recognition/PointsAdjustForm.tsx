import { useEffect, useRef, useState } from 'preact/hooks';
import { command, newClientId, type HelperSocket } from '../../realtime/socket.ts';
import { pts } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Member {
  id: string;
  displayName: string;
}

/** Every member of the site but me, by name. */
function useMembers(socket: HelperSocket | null, siteId: string, selfId: string) {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    if (!socket) return;
    void command(socket, 'members:list', { siteId }).then((r) => {
      if (r.ok) setMembers(r.data.members.filter((m) => m.id !== selfId));
    });
  }, [socket, siteId, selfId]);
  return members;
}

/** Managers grant or revoke points with a reason: one ledger row, and the helper is told. */
export function PointsAdjustForm({ socket, siteId, selfId }: { socket: HelperSocket | null; siteId: string; selfId: string }) {
  const i18n = useI18n();
  const w = i18n.t.recognition.adjust;
  const members = useMembers(socket, siteId, selfId);
  const [userId, setUserId] = useState('');
  const [mode, setMode] = useState<'grant' | 'revoke'>('grant');
  const [amount, setAmount] = useState('5');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  // One client id per intended adjustment: a retry after a timeout is written once.
  const clientId = useRef(newClientId());
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!socket || !userId) return setResult({ ok: false, text: w.chooseMember });
    const n = Math.abs(Math.round(Number(amount)));
    const r = await command(socket, 'points:adjust', { siteId, userId, points: mode === 'grant' ? n : -n, note: note.trim(), clientId: clientId.current });
    if (!r.ok) return setResult({ ok: false, text: r.error.message });
    const who = members.find((m) => m.id === userId)?.displayName ?? w.theMember;
    setResult({ ok: true, text: (mode === 'grant' ? w.granted : w.revoked)(pts(n, i18n), who, pts(r.data.balance, i18n)) });
    setNote('');
    clientId.current = newClientId();
  };
  return (
    <section class="panel rec-panel" aria-labelledby="adj-h">
      <div class="panel-head">
        <h2 id="adj-h">{w.title}</h2>
      </div>
      <form class="adjust" onSubmit={(e) => void submit(e)}>
        <label class="field member">
          {w.member}
          <select value={userId} required onChange={(e) => setUserId(e.currentTarget.value)}>
            <option value="">{w.choose}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="seg" aria-label={w.mode}>
          <label class={mode === 'grant' ? 'on' : ''}>
            <input type="radio" name="mode" checked={mode === 'grant'} onChange={() => setMode('grant')} /> {w.grant}
          </label>
          <label class={mode === 'revoke' ? 'on' : ''}>
            <input type="radio" name="mode" checked={mode === 'revoke'} onChange={() => setMode('revoke')} /> {w.revoke}
          </label>
        </fieldset>
        <label class="field">
          {w.points}
          <input type="number" min={1} max={100000} required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </label>
        <label class="field wide">
          {w.reason}
          <input value={note} required maxLength={300} placeholder={w.placeholder} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" class={mode === 'grant' ? 'primary' : 'primary danger-fill'}>
          {mode === 'grant' ? w.grantPoints : w.revokePoints}
        </button>
      </form>
      {result && (
        <p class={result.ok ? 'saved' : 'alert'} role="status">
          {result.text}
        </p>
      )}
    </section>
  );
}
