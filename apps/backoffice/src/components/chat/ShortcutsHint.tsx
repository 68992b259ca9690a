/** The desk's keyboard shortcuts, one click away (a native disclosure: Enter or Space opens it). */
export const SHORTCUTS: [string, string][] = [
  ['Alt + 1 … 9', 'Open chat 1 to 9'],
  ['Alt + 0', 'Community'],
  ['Alt + ↓ / ↑', 'Next / previous chat'],
  ['Alt + R', 'Write in the reply box'],
  ['Enter', 'Send (Shift + Enter: new line)'],
  ['/', 'Canned answers, in the reply box'],
];

export function ShortcutsHint() {
  return (
    <details class="shortcuts">
      <summary title="Keyboard shortcuts">
        <span aria-hidden="true">⌨</span>
        <span class="sr-only">Keyboard shortcuts</span>
      </summary>
      <dl class="shortcuts-list">
        {SHORTCUTS.map(([keys, what]) => (
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
