import type { NotifyPrefs } from '@tribu/protocol/client';

interface Props {
  prefs: NotifyPrefs;
  onPrefs: (p: NotifyPrefs) => void;
}

/** The community digest: whether it comes by mail, and whether it may name me beside my answers. */
export function DigestFields({ prefs, onPrefs }: Props) {
  return (
    <section class="panel" aria-labelledby="digest-h">
      <h2 id="digest-h">Community digest</h2>
      <label class="check">
        <input type="checkbox" checked={prefs.digest} onChange={(e) => onPrefs({ ...prefs, digest: e.currentTarget.checked })} />
        <span>Send me the community digest by mail</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={prefs.nameInDigest} onChange={(e) => onPrefs({ ...prefs, nameInDigest: e.currentTarget.checked })} />
        <span>Name me when one of my answers is among the best-rated</span>
      </label>
      <p class="muted small">Off by default: the digest says "a helper". Every digest also has a one-click unsubscribe link.</p>
    </section>
  );
}
