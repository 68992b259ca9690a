import { useState } from 'preact/hooks';
import type { NotifyPrefs } from '@tribu/protocol/client';
import { useI18n, type Messages } from '../../i18n/index.tsx';

interface Props {
  prefs: NotifyPrefs;
  onPrefs: (p: NotifyPrefs) => void;
  rest: number | null;
  onRest: (h: number | null) => void;
}

/** Turning desktop notifications on asks the browser's permission; a refusal is explained, not hidden. */
async function askPermission(w: Messages['account']['notify']): Promise<string | null> {
  if (typeof Notification === 'undefined') return w.noDesktop;
  const answer = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  return answer === 'granted' ? null : w.blocked;
}

/** How the helper wants to be nudged, and an optional rest reminder. */
export function NotifyFields({ prefs, onPrefs, rest, onRest }: Props) {
  const { t, f } = useI18n();
  const w = t.account.notify;
  const [warn, setWarn] = useState<string | null>(null);
  const desktop = async (on: boolean) => {
    setWarn(null);
    if (!on) return onPrefs({ ...prefs, desktop: false });
    const problem = await askPermission(w);
    if (problem) setWarn(problem);
    onPrefs({ ...prefs, desktop: problem === null });
  };
  return (
    <section class="panel" aria-labelledby="notify-h">
      <h2 id="notify-h">{w.title}</h2>
      <label class="check">
        <input type="checkbox" checked={prefs.sound} onChange={(e) => onPrefs({ ...prefs, sound: e.currentTarget.checked })} />
        <span>{w.sound}</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={prefs.desktop} onChange={(e) => void desktop(e.currentTarget.checked)} />
        <span>{w.desktop}</span>
      </label>
      {warn && <p class="alert small">{warn}</p>}
      <label class="check">
        <input type="checkbox" checked={prefs.mentions} onChange={(e) => onPrefs({ ...prefs, mentions: e.currentTarget.checked })} />
        <span>{w.mentions}</span>
      </label>
      <label class="field inline">
        <span>{w.rest}</span>
        <select value={rest ?? ''} onChange={(e) => onRest(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          <option value="">{t.common.off}</option>
          {[1, 2, 3, 4, 5, 6, 8].map((h) => (
            <option key={h} value={h}>
              {f.plural(h, w.restAfter)}
            </option>
          ))}
        </select>
      </label>
      <p class="muted small">{w.restHint}</p>
    </section>
  );
}
