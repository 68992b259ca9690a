import { useI18n, type Messages } from '../../i18n/index.tsx';

/** The desk's keyboard shortcuts: the keys, and what they do in the helper's words. */
export const shortcuts = (w: Messages['desk']['shortcuts']): [string, string][] => [
  ['Alt + 1 … 9', w.openChat],
  ['Alt + 0', w.community],
  ['Alt + ↓ / ↑', w.nextPrevious],
  ['Alt + R', w.reply],
  [w.enter, w.send],
  ['/', w.canned],
];

/** The desk's keyboard shortcuts, one click away (a native disclosure: Enter or Space opens it). */
export function ShortcutsHint() {
  const w = useI18n().t.desk.shortcuts;
  return (
    <details class="shortcuts">
      <summary title={w.title}>
        <span aria-hidden="true">⌨</span>
        <span class="sr-only">{w.title}</span>
      </summary>
      <dl class="shortcuts-list">
        {shortcuts(w).map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
