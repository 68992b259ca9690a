import { useState } from 'preact/hooks';
import { LIMITS, type CannedAnswer, type CannedSave, type ContentTranslations, type Membership } from '@tribu/protocol/client';
import { TranslationsFields } from '../admin/TranslationsFields.tsx';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  answers: CannedAnswer[];
  isManager: boolean;
  onSave: (input: Omit<CannedSave, 'siteId'>) => Promise<string | null>;
  onDelete: (id: string) => Promise<string | null>;
  onClose: () => void;
  /** The site's languages: managers write the team's answers in each. */
  languages?: Membership['languages'];
}

/** Lists the canned answers, adds personal ones (managers: for the whole team), deletes one's own. */
export function CannedManager({ answers, isManager, onSave, onDelete, onClose, languages }: Props) {
  const { t } = useI18n();
  const w = t.desk.canned;
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const [scope, setScope] = useState<'mine' | 'site'>('mine');
  const [error, setError] = useState<string | null>(null);
  // A team answer being edited (its versions in the site's other languages with it).
  const [editing, setEditing] = useState<string | undefined>();
  const [translations, setTranslations] = useState<ContentTranslations<'text'>>({});
  const edit = (a: CannedAnswer) => {
    setEditing(a.id);
    setScope('site');
    setShortcut(a.shortcut);
    setText(a.versions?.text ?? a.text);
    setTranslations(a.versions?.translations ?? {});
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const versions = scope === 'site' ? { translations, ...(editing ? { id: editing } : {}) } : {};
    const err = await onSave({ scope, shortcut: shortcut.trim().toLowerCase(), text: text.trim(), ...versions });
    setError(err);
    if (!err) {
      setShortcut('');
      setText('');
      setTranslations({});
      setEditing(undefined);
    }
  };
  return (
    <Modal label={w.title} onClose={onClose} class="wide-modal">
      <h2>{w.title}</h2>
      <p class="muted">
        {w.how[0]}
        <kbd>{w.how[1]}</kbd>
        {w.how[2]}
      </p>
      <ul class="canned-list">
        {answers.length === 0 && <li class="muted">{w.none}</li>}
        {answers.map((a) => (
          <li key={a.id}>
            <strong>/{a.shortcut}</strong>
            <span class="chip">{a.scope === 'site' ? w.team : w.mine}</span>
            <span class="canned-text">{a.text}</span>
            {a.scope === 'site' && isManager && (
              <button type="button" class="link" aria-label={t.content.editAnswer(a.shortcut)} onClick={() => edit(a)}>
                {t.common.edit}
              </button>
            )}
            {(a.scope === 'mine' || isManager) && (
              <button type="button" class="link danger" aria-label={w.delete(a.shortcut)} onClick={() => void onDelete(a.id).then(setError)}>
                {t.common.delete}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form class="canned-form" onSubmit={(e) => void add(e)}>
        <label>
          {w.shortcut}
          <input
            value={shortcut}
            maxLength={LIMITS.shortcut}
            placeholder={w.shortcutExample}
            pattern="[a-z0-9-]+"
            onInput={(e) => setShortcut(e.currentTarget.value)}
          />
        </label>
        <label>
          {w.answer}
          <textarea rows={3} maxLength={LIMITS.cannedText} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        {isManager && (
          <label>
            {w.for}
            <select value={scope} onChange={(e) => setScope(e.currentTarget.value === 'site' ? 'site' : 'mine')}>
              <option value="mine">{w.onlyMe}</option>
              <option value="site">{w.wholeTeam}</option>
            </select>
          </label>
        )}
        {isManager && scope === 'site' && (
          <TranslationsFields
            id="canned-tr"
            languages={languages}
            fields={[{ key: 'text', label: w.answer, maxLength: LIMITS.cannedText, rows: 3 }]}
            value={translations}
            onChange={setTranslations}
            defaults={{ text }}
          />
        )}
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary small" disabled={!shortcut.trim() || !text.trim()}>
          {editing ? t.common.save : w.add}
        </button>
      </form>
    </Modal>
  );
}
