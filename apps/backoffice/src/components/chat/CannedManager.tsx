import { useState } from 'preact/hooks';
import { LIMITS, type CannedAnswer, type CannedSave } from '@tribu/protocol/client';
import { Modal } from '../people/Modal.tsx';

interface Props {
  answers: CannedAnswer[];
  isManager: boolean;
  onSave: (input: Omit<CannedSave, 'siteId'>) => Promise<string | null>;
  onDelete: (id: string) => Promise<string | null>;
  onClose: () => void;
}

/** Lists the canned answers, adds personal ones (managers: for the whole team), deletes one's own. */
export function CannedManager({ answers, isManager, onSave, onDelete, onClose }: Props) {
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const [scope, setScope] = useState<'mine' | 'site'>('mine');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    const err = await onSave({ scope, shortcut: shortcut.trim().toLowerCase(), text: text.trim() });
    setError(err);
    if (!err) {
      setShortcut('');
      setText('');
    }
  };
  return (
    <Modal label="Canned answers" onClose={onClose} class="wide-modal">
      <h2>Canned answers</h2>
      <p class="muted">
        Type <kbd>/</kbd> and the shortcut in the reply box to insert one.
      </p>
      <ul class="canned-list">
        {answers.length === 0 && <li class="muted">None yet: add your first below.</li>}
        {answers.map((a) => (
          <li key={a.id}>
            <strong>/{a.shortcut}</strong>
            <span class="chip">{a.scope === 'site' ? 'Team' : 'Mine'}</span>
            <span class="canned-text">{a.text}</span>
            {(a.scope === 'mine' || isManager) && (
              <button type="button" class="link danger" aria-label={`Delete /${a.shortcut}`} onClick={() => void onDelete(a.id).then(setError)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <form class="canned-form" onSubmit={(e) => void add(e)}>
        <label>
          Shortcut
          <input value={shortcut} maxLength={LIMITS.shortcut} placeholder="sizes" pattern="[a-z0-9-]+" onInput={(e) => setShortcut(e.currentTarget.value)} />
        </label>
        <label>
          Answer
          <textarea rows={3} maxLength={LIMITS.cannedText} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        {isManager && (
          <label>
            For
            <select value={scope} onChange={(e) => setScope(e.currentTarget.value === 'site' ? 'site' : 'mine')}>
              <option value="mine">Only me</option>
              <option value="site">The whole team</option>
            </select>
          </label>
        )}
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary small" disabled={!shortcut.trim() || !text.trim()}>
          Add answer
        </button>
      </form>
    </Modal>
  );
}
