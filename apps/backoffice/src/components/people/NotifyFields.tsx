import { useState } from 'preact/hooks';
import type { NotifyPrefs } from '@tribu/protocol/client';

interface Props {
  prefs: NotifyPrefs;
  onPrefs: (p: NotifyPrefs) => void;
  rest: number | null;
  onRest: (h: number | null) => void;
}

/** Turning desktop notifications on asks the browser's permission; a refusal is explained, not hidden. */
async function askPermission(): Promise<string | null> {
  if (typeof Notification === 'undefined') return 'This browser cannot show desktop notifications.';
  const answer = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  return answer === 'granted' ? null : 'Your browser blocks notifications from Tribu; allow them in the site settings.';
}

/** How the helper wants to be nudged, and an optional rest reminder. */
export function NotifyFields({ prefs, onPrefs, rest, onRest }: Props) {
  const [warn, setWarn] = useState<string | null>(null);
  const desktop = async (on: boolean) => {
    setWarn(null);
    if (!on) return onPrefs({ ...prefs, desktop: false });
    const problem = await askPermission();
    if (problem) setWarn(problem);
    onPrefs({ ...prefs, desktop: problem === null });
  };
  return (
    <section class="panel" aria-labelledby="notify-h">
      <h2 id="notify-h">Notifications</h2>
      <label class="check">
        <input type="checkbox" checked={prefs.sound} onChange={(e) => onPrefs({ ...prefs, sound: e.currentTarget.checked })} />
        <span>A soft sound when a request waits and nobody has taken it</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={prefs.desktop} onChange={(e) => void desktop(e.currentTarget.checked)} />
        <span>A desktop notification for those requests</span>
      </label>
      {warn && <p class="alert small">{warn}</p>}
      <label class="check">
        <input type="checkbox" checked={prefs.mentions} onChange={(e) => onPrefs({ ...prefs, mentions: e.currentTarget.checked })} />
        <span>Tell me when someone mentions me in the feed</span>
      </label>
      <label class="field inline">
        <span>Rest reminder</span>
        <select value={rest ?? ''} onChange={(e) => onRest(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          <option value="">Off</option>
          {[1, 2, 3, 4, 5, 6, 8].map((h) => (
            <option key={h} value={h}>
              After {h} hour{h > 1 ? 's' : ''} in a day
            </option>
          ))}
        </select>
      </label>
      <p class="muted small">A gentle thank-you on the desk, once a day, when you reach it. No quotas, ever.</p>
    </section>
  );
}
