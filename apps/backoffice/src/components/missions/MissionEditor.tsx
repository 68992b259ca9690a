import { useEffect, useState } from 'preact/hooks';
import type { Mission, MissionGoal, MissionSave } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  topics: { tag: string; label: string }[];
  /** Editing this one; a new mission when absent. */
  editing: Mission | null;
  onSaved: (m: Mission) => void;
  onCancel: () => void;
}

const day = (iso: string) => iso.slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A manager writes a mission: what, why, when, what counts, and what it gives. */
export function MissionEditor({ socket, siteId, topics, editing, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const w = t.community.missions;
  const [title, setTitle] = useState(editing?.title ?? '');
  const [why, setWhy] = useState(editing?.why ?? '');
  const [from, setFrom] = useState(editing ? day(editing.startsAt) : today());
  const [to, setTo] = useState(editing ? day(editing.endsAt) : inDays(30));
  const [scope, setScope] = useState<MissionSave['scope']>(editing?.scope ?? 'individual');
  const [kind, setKind] = useState<MissionGoal['kind']>(editing?.goal.kind ?? 'chats');
  const [target, setTarget] = useState(editing?.goal.target ?? 5);
  const [topic, setTopic] = useState(editing?.goal.kind === 'chats' ? (editing.goal.topic ?? '') : '');
  const [language, setLanguage] = useState(editing?.goal.kind === 'chats' ? (editing.goal.language ?? '') : '');
  const editingSlot = editing?.goal.kind === 'chats' ? editing.goal.slot : undefined;
  const [weekday, setWeekday] = useState(editingSlot?.weekday ?? 0);
  const [fromHour, setFromHour] = useState(editingSlot?.fromHour ?? 18);
  const [toHour, setToHour] = useState(editingSlot?.toHour ?? 20);
  const [points, setPoints] = useState(editing?.rewardPoints ?? 20);
  const [badge, setBadge] = useState(editing?.rewardBadge?.key ?? '');
  const [badges, setBadges] = useState<{ key: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!socket) return;
    void command(socket, 'rules:get', { siteId }).then(
      (r) => r.ok && setBadges([...r.data.customBadges, ...r.data.builtInBadges].map((b) => ({ key: b.key, name: b.name }))),
    );
  }, [socket, siteId]);

  const goal = (): MissionGoal =>
    kind === 'chats'
      ? { kind, target, ...(topic ? { topic } : {}), ...(language ? { language } : {}), ...(weekday ? { slot: { weekday, fromHour, toHour } } : {}) }
      : { kind, target: kind === 'checked' ? Math.min(target, 20) : target };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!socket) return;
    setBusy(true);
    setError(null);
    const r = await command(socket, 'mission:save', {
      siteId,
      ...(editing ? { missionId: editing.id } : {}),
      title,
      why,
      startsAt: new Date(`${from}T00:00:00`).toISOString(),
      endsAt: new Date(`${to}T23:59:59`).toISOString(),
      scope,
      goal: goal(),
      rewardPoints: points,
      rewardBadge: badge || null,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onSaved(r.data.mission);
  };

  return (
    <form class="mission-editor" onSubmit={(e) => void save(e)} aria-labelledby="me-h">
      <h2 id="me-h">{editing ? w.editMission : w.newMission}</h2>
      <label class="field">
        {w.titleField}
        <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={120} required />
      </label>
      <label class="field">
        {w.why}
        <textarea rows={2} value={why} onInput={(e) => setWhy(e.currentTarget.value)} maxLength={1000} />
      </label>
      <div class="field-row">
        <label class="field">
          {w.from}
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} required />
        </label>
        <label class="field">
          {w.to}
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} required />
        </label>
      </div>
      <fieldset class="me-scope">
        <legend>{w.whoCounts}</legend>
        <label class="check">
          <input type="radio" name="scope" checked={scope === 'individual'} onChange={() => setScope('individual')} /> {w.eachOwn}
        </label>
        <label class="check">
          <input type="radio" name="scope" checked={scope === 'community'} onChange={() => setScope('community')} /> {w.everyoneTogether}
        </label>
      </fieldset>
      <div class="field-row">
        <label class="field">
          {w.goal}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as MissionGoal['kind'])}>
            <option value="chats">{w.goalChats}</option>
            <option value="tips">{w.goalTips}</option>
            <option value="good_ratings">{w.goalGoodRatings}</option>
            <option value="checked">{w.goalChecked}</option>
          </select>
        </label>
        <label class="field">
          {w.howMany}
          <input
            type="number"
            min={1}
            max={kind === 'checked' ? 20 : 100000}
            value={target}
            onInput={(e) => setTarget(Number(e.currentTarget.value) || 1)}
            required
          />
        </label>
      </div>
      {kind === 'chats' && (
        <div class="field-row">
          <label class="field">
            {w.topicField}
            <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
              <option value="">{w.anyTopic}</option>
              {topics.map((t) => (
                <option key={t.tag} value={t.tag}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {w.languageField}
            <input value={language} onInput={(e) => setLanguage(e.currentTarget.value.trim().toLowerCase())} maxLength={2} pattern="[a-z]{2}" />
          </label>
        </div>
      )}
      {kind === 'chats' && (
        <div class="field-row">
          <label class="field">
            {w.slotField}
            <select value={weekday} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
              <option value={0}>{w.anyTime}</option>
              {w.weekdays.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d.charAt(0).toUpperCase() + d.slice(1)}
                </option>
              ))}
            </select>
          </label>
          {weekday > 0 && (
            <>
              <label class="field">
                {w.fromHour}
                <input type="number" min={0} max={23} value={fromHour} onInput={(e) => setFromHour(Number(e.currentTarget.value) || 0)} />
              </label>
              <label class="field">
                {w.toHour}
                <input type="number" min={1} max={24} value={toHour} onInput={(e) => setToHour(Number(e.currentTarget.value) || 24)} />
              </label>
            </>
          )}
        </div>
      )}
      <div class="field-row">
        <label class="field">
          {w.pointsField}
          <input type="number" min={0} max={100000} value={points} onInput={(e) => setPoints(Math.max(0, Number(e.currentTarget.value) || 0))} />
        </label>
        <label class="field">
          {w.badgeField}
          <select value={badge} onChange={(e) => setBadge(e.currentTarget.value)}>
            <option value="">{w.noBadge}</option>
            {badges.map((b) => (
              <option key={b.key} value={b.key}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div class="form-foot">
        <button type="submit" class="primary" disabled={busy || !socket}>
          {editing ? w.saveChanges : w.create}
        </button>
        <button type="button" class="ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
