import { useEffect, useState } from 'preact/hooks';
import type { PledgeSlot, PledgesView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { pledgesApi } from '../../api/care.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hh, slotText, weekdays } from './week.ts';
import '../../styles/care.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const at = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

/**
 * "When I'm usually around": soft, non-binding weekly slots, drawn against the hours visitors asked
 * while nobody was there (the last four weeks). Nobody is held to them; they only help plan.
 */
export function PledgesCard({ siteId, csrf, title, headingId }: { siteId: string; csrf: string; title: string; headingId: string }) {
  const { t, f } = useI18n();
  const w = t.community.care;
  const days = weekdays(f.locale);
  const shortDays = weekdays(f.locale, 'short');
  const [view, setView] = useState<PledgesView | null>(null);
  const [draft, setDraft] = useState<PledgeSlot>({ weekday: 7, startHour: 18, endHour: 20 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    pledgesApi.mine(siteId).then(
      (v) => live && setView(v),
      () => live && setView(null),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  if (!view) return null;
  const save = async (slots: PledgeSlot[]) => {
    setBusy(true);
    setError(null);
    try {
      setView(await pledgesApi.save(csrf, siteId, slots));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.couldNotSaveHours);
    } finally {
      setBusy(false);
    }
  };
  const mineAt = (weekday: number, hour: number) => view.mine.some((s) => s.weekday === weekday && hour >= s.startHour && hour < s.endHour);
  const gaps = view.gaps.filter(Boolean).length;
  const field = (k: keyof PledgeSlot, v: string) => setDraft({ ...draft, [k]: Number(v) });
  return (
    <section class="panel pledges" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="muted small">{w.pledgesIntro(view.timeZone)}</p>
      <p class="small pledge-gaps">
        {gaps === 0 ? (
          w.noGapWeeks
        ) : (
          <>
            <strong>{f.plural(gaps, w.gapHours)}</strong> {f.plural(gaps, w.gapHoursRest)}
          </>
        )}
      </p>
      <div class="pledge-week" role="img" aria-label={w.weekLabel(view.mine.map((s) => slotText(s, days)).join(', ') || w.noHoursYet)}>
        {days.map((d, i) => (
          <div class="pledge-row" key={d}>
            <span class="pledge-day">{shortDays[i]}</span>
            {HOURS.map((h) => {
              const others = view.pledged[at(i + 1, h)] ?? 0;
              const cls = ['pledge-cell', view.gaps[at(i + 1, h)] ? 'gap' : '', mineAt(i + 1, h) ? 'mine' : others > 0 ? 'others' : '']
                .filter(Boolean)
                .join(' ');
              return <span key={h} class={cls} title={w.cellTitle(`${d} ${hh(h)}`, others, !!view.gaps[at(i + 1, h)])} />;
            })}
          </div>
        ))}
        <div class="pledge-row pledge-hours" aria-hidden="true">
          <span class="pledge-day" />
          {HOURS.map((h) => (
            <span key={h} class="pledge-cell label">
              {h % 6 === 0 ? h : ''}
            </span>
          ))}
        </div>
      </div>
      <p class="pledge-legend small muted">
        <span class="pledge-cell mine" /> {w.legendMine} <span class="pledge-cell others" /> {w.legendOthers} <span class="pledge-cell gap" /> {w.legendGap}
      </p>
      {view.mine.length > 0 && (
        <ul class="pledge-list">
          {view.mine.map((s, i) => (
            <li key={`${s.weekday}-${s.startHour}-${s.endHour}`}>
              <span>{w.usually(slotText(s, days))}</span>
              <button type="button" class="ghost small" disabled={busy} onClick={() => void save(view.mine.filter((_, j) => j !== i))}>
                {w.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="pledge-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save([...view.mine, draft]);
        }}
      >
        <label>
          {w.day}
          <select value={draft.weekday} onChange={(e) => field('weekday', e.currentTarget.value)}>
            {days.map((d, i) => (
              <option key={d} value={i + 1}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w.from}
          <select value={draft.startHour} onChange={(e) => field('startHour', e.currentTarget.value)}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hh(h)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {w.to}
          <select value={draft.endHour} onChange={(e) => field('endHour', e.currentTarget.value)}>
            {HOURS.map((h) => (
              <option key={h} value={h + 1}>
                {hh(h + 1)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="ghost" disabled={busy || draft.endHour <= draft.startHour || view.mine.length >= 14}>
          {w.addHours}
        </button>
      </form>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
