import { useEffect, useState } from 'preact/hooks';
import { CHARTER_MAX } from '@tribu/protocol/client';
import { day } from '../../../components/onboarding/when.ts';

interface Props {
  text: string;
  updatedAt: string | null;
  onSave: (text: string) => Promise<void>;
}

/** The charter as plain text: a blank line between paragraphs. Saving a change asks members to accept it again. */
export function CharterEditor({ text, updatedAt, onSave }: Props) {
  const [draft, setDraft] = useState(text);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(text), [text]);
  const changed = draft.trim() !== text.trim();
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSave(draft.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="nc-charter" onSubmit={(e) => void save(e)}>
      <label for="charter-text">Charter text</label>
      <p class="muted nc-hint" id="charter-hint">
        Plain text; leave a blank line between paragraphs. Members accept it when they join and can reread it from their profile. Saving a change asks everyone
        to accept the new version.
      </p>
      <textarea
        id="charter-text"
        aria-describedby="charter-hint"
        rows={12}
        maxLength={CHARTER_MAX}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        placeholder="We are customers who love the brand and help other customers choose well…"
      />
      <div class="nc-form-foot">
        <span class="muted">
          {draft.length.toLocaleString('en')} / {CHARTER_MAX.toLocaleString('en')} characters
          {updatedAt ? ` · last changed ${day(updatedAt)}` : ''}
        </span>
        <a href="/backoffice/charter">See it as members do</a>
        <button type="submit" class="primary small" disabled={!changed || busy}>
          Save the charter
        </button>
      </div>
    </form>
  );
}
