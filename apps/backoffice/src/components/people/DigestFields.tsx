import type { NotifyPrefs } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  prefs: NotifyPrefs;
  onPrefs: (p: NotifyPrefs) => void;
}

/** The community digest: whether it comes by mail, and whether it may name me beside my answers. */
export function DigestFields({ prefs, onPrefs }: Props) {
  const w = useI18n().t.account.digest;
  return (
    <section class="panel" aria-labelledby="digest-h">
      <h2 id="digest-h">{w.title}</h2>
      <label class="check">
        <input type="checkbox" checked={prefs.digest} onChange={(e) => onPrefs({ ...prefs, digest: e.currentTarget.checked })} />
        <span>{w.byMail}</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={prefs.nameInDigest} onChange={(e) => onPrefs({ ...prefs, nameInDigest: e.currentTarget.checked })} />
        <span>{w.nameMe}</span>
      </label>
      <p class="muted small">{w.hint}</p>
    </section>
  );
}
