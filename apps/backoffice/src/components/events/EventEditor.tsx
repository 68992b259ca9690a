import { useEffect, useState } from 'preact/hooks';
import type { CommunityEvent, EventAudience, EventCheckIn, EventKind, FeedbackQuestion, MemberSummary } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { isoToZoned, zonedToIso } from './event-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  timeZone: string;
  /** Editing this one; a new event when absent. */
  editing: CommunityEvent | null;
  onSaved: (e: CommunityEvent) => void;
  onCancel: () => void;
}

const inDays = (n: number, hour: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};
let qn = 0;
const newQuestionId = () => `q${Date.now().toString(36).slice(-5)}${(qn++).toString(36)}`;

/** A manager sets up a meetup, a webinar or a product test (guide, check-ins, a short feedback form, a badge). */
export function EventEditor({ socket, siteId, timeZone, editing, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const w = t.community.events;
  const [kind, setKind] = useState<EventKind>(editing?.kind ?? 'meetup');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [start, setStart] = useState(editing ? isoToZoned(editing.startsAt, timeZone) : inDays(14, 18));
  const [end, setEnd] = useState(editing ? isoToZoned(editing.endsAt, timeZone) : inDays(14, 20));
  const [place, setPlace] = useState(editing?.place ?? '');
  const [link, setLink] = useState(editing?.link ?? '');
  const [capacity, setCapacity] = useState(editing?.capacity?.toString() ?? '');
  const [audience, setAudience] = useState<EventAudience['kind']>(editing?.audience.kind ?? 'everyone');
  const [tier, setTier] = useState(editing?.audience.kind === 'tier' ? editing.audience.tier : '');
  const [picked, setPicked] = useState<string[]>(editing?.audience.kind === 'picked' ? editing.audience.userIds : []);
  const [guide, setGuide] = useState(editing?.guide ?? '');
  const [checkIns, setCheckIns] = useState<EventCheckIn[]>(editing?.checkIns ?? []);
  const [questions, setQuestions] = useState<FeedbackQuestion[]>(editing?.questions ?? []);
  const [badge, setBadge] = useState(editing?.rewardBadge?.key ?? '');
  const [badges, setBadges] = useState<{ key: string; name: string }[]>([]);
  const [tiers, setTiers] = useState<string[]>([]);
  const [members, setMembers] = useState<MemberSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!socket) return;
    void command(socket, 'rules:get', { siteId }).then((r) => {
      if (!r.ok) return;
      setBadges([...r.data.customBadges, ...r.data.builtInBadges].map((b) => ({ key: b.key, name: b.name })));
      setTiers(r.data.tiers.map((t) => t.name));
    });
    void command(socket, 'members:list', { siteId }).then((r) => r.ok && setMembers(r.data.members));
  }, [socket, siteId]);

  const audienceValue = (): EventAudience =>
    audience === 'tier' ? { kind: 'tier', tier: tier || tiers[0] || '' } : audience === 'picked' ? { kind: 'picked', userIds: picked } : { kind: 'everyone' };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!socket) return;
    setBusy(true);
    setError(null);
    const r = await command(socket, 'event:save', {
      siteId,
      ...(editing ? { eventId: editing.id } : {}),
      kind,
      title,
      description,
      startsAt: zonedToIso(start, timeZone),
      endsAt: zonedToIso(end, timeZone),
      place,
      link: link.trim(),
      capacity: capacity.trim() ? Number(capacity) : null,
      audience: audienceValue(),
      guide,
      checkIns,
      questions,
      rewardBadge: kind === 'product_test' && badge ? badge : null,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onSaved(r.data.event);
  };

  return (
    <form class="event-editor" onSubmit={(e) => void save(e)} aria-labelledby="ee-h">
      <h2 id="ee-h">{editing ? w.editEvent : w.newEvent}</h2>
      <div class="field-row">
        <label class="field">
          {w.kindField}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as EventKind)}>
            <option value="meetup">{w.kind.meetup}</option>
            <option value="webinar">{w.kind.webinar}</option>
            <option value="product_test">{w.kind.product_test}</option>
          </select>
        </label>
        <label class="field">
          {w.seatsField}
          <input type="number" min={1} max={10000} value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        {w.titleField}
        <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={120} required />
      </label>
      <label class="field">
        {w.description}
        <textarea rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} maxLength={4000} />
      </label>
      <div class="field-row">
        <label class="field">
          {w.starts(timeZone)}
          <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} required />
        </label>
        <label class="field">
          {w.ends(timeZone)}
          <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} required />
        </label>
      </div>
      <div class="field-row">
        <label class="field">
          {w.place}
          <input value={place} onInput={(e) => setPlace(e.currentTarget.value)} maxLength={300} placeholder={w.placePlaceholder} />
        </label>
        <label class="field">
          {w.link}
          <input type="url" value={link} onInput={(e) => setLink(e.currentTarget.value)} maxLength={500} placeholder="https://" />
        </label>
      </div>
      <fieldset class="ee-group">
        <legend>{w.whoMayJoin}</legend>
        <label class="check">
          <input type="radio" name="audience" checked={audience === 'everyone'} onChange={() => setAudience('everyone')} /> {w.everyoneOnSite}
        </label>
        <label class="check">
          <input type="radio" name="audience" checked={audience === 'tier'} onChange={() => setAudience('tier')} /> {w.tierOption}
        </label>
        {audience === 'tier' && (
          <label class="field ee-indent">
            {w.fromTier}
            <select value={tier || tiers[0]} onChange={(e) => setTier(e.currentTarget.value)}>
              {tiers.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="check">
          <input type="radio" name="audience" checked={audience === 'picked'} onChange={() => setAudience('picked')} /> {w.handPicked}
        </label>
        {audience === 'picked' && (
          <div class="ee-people ee-indent" role="group" aria-label={w.invitedHelpers}>
            {members.map((m) => (
              <label key={m.id} class="check">
                <input
                  type="checkbox"
                  checked={picked.includes(m.id)}
                  onChange={(e) => setPicked((cur) => (e.currentTarget.checked ? [...cur, m.id] : cur.filter((x) => x !== m.id)))}
                />{' '}
                {m.displayName}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {kind === 'product_test' && (
        <fieldset class="ee-group">
          <legend>{w.kind.product_test}</legend>
          <label class="field">
            {w.testersGuide}
            <textarea rows={4} value={guide} onInput={(e) => setGuide(e.currentTarget.value)} maxLength={8000} placeholder={w.guidePlaceholder} />
          </label>
          <h3>{w.checkIns}</h3>
          {checkIns.map((c, i) => (
            <div class="ee-line" key={i}>
              <label class="field">
                {w.day}
                <input
                  type="date"
                  value={c.on}
                  onInput={(e) => setCheckIns((cur) => cur.map((x, j) => (j === i ? { ...x, on: e.currentTarget.value } : x)))}
                  required
                />
              </label>
              <label class="field">
                {w.whatToReport}
                <input
                  value={c.label}
                  maxLength={120}
                  onInput={(e) => setCheckIns((cur) => cur.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)))}
                />
              </label>
              <button type="button" class="link" onClick={() => setCheckIns((cur) => cur.filter((_, j) => j !== i))} aria-label={w.removeCheckIn(i + 1)}>
                {w.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="ghost small-ghost"
            disabled={checkIns.length >= 12}
            onClick={() => setCheckIns((cur) => [...cur, { on: start.slice(0, 10), label: '' }])}
          >
            {w.addCheckIn}
          </button>
          <h3>{w.feedbackForm}</h3>
          {questions.map((q, i) => (
            <div class="ee-line" key={q.id}>
              <label class="field">
                {w.question(i + 1)}
                <input
                  value={q.label}
                  maxLength={200}
                  required
                  onInput={(e) => setQuestions((cur) => cur.map((x) => (x.id === q.id ? { ...x, label: e.currentTarget.value } : x)))}
                />
              </label>
              <label class="field">
                {w.answer}
                <select
                  value={q.kind}
                  onChange={(e) =>
                    setQuestions((cur) => cur.map((x) => (x.id === q.id ? { ...x, kind: e.currentTarget.value as FeedbackQuestion['kind'] } : x)))
                  }
                >
                  <option value="rating">{w.rating}</option>
                  <option value="yesno">{w.yesNo}</option>
                  <option value="text">{w.fewWords}</option>
                </select>
              </label>
              <button type="button" class="link" onClick={() => setQuestions((cur) => cur.filter((x) => x.id !== q.id))} aria-label={w.removeQuestion(i + 1)}>
                {w.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="ghost small-ghost"
            disabled={questions.length >= 10}
            onClick={() => setQuestions((cur) => [...cur, { id: newQuestionId(), label: '', kind: 'rating' }])}
          >
            {w.addQuestion}
          </button>
          <label class="field ee-badge">
            {w.badgeForTesters}
            <select value={badge} onChange={(e) => setBadge(e.currentTarget.value)}>
              <option value="">{w.noBadge}</option>
              {badges.map((b) => (
                <option key={b.key} value={b.key}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
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
