import { useEffect, useState } from 'preact/hooks';
import { CHARTER_MAX, type ContentTranslations, type Membership } from '@tribu/protocol/client';
import { TranslationsFields } from '../../../components/admin/TranslationsFields.tsx';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  text: string;
  updatedAt: string | null;
  /** The charter in the site's other languages. */
  translations?: ContentTranslations<'text'>;
  languages?: Membership['languages'];
  onSave: (text: string, translations: ContentTranslations<'text'>) => Promise<void>;
}

/** The charter as plain text: a blank line between paragraphs. Saving a change asks members to accept it again. */
export function CharterEditor({ text, updatedAt, translations, languages, onSave }: Props) {
  const { t, f } = useI18n();
  const w = t.community.charter;
  const [draft, setDraft] = useState(text);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(text), [text]);
  const [versions, setVersions] = useState(translations ?? {});
  useEffect(() => setVersions(translations ?? {}), [translations]);
  const changed = draft.trim() !== text.trim() || JSON.stringify(versions) !== JSON.stringify(translations ?? {});
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSave(draft.trim(), versions);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="nc-charter" onSubmit={(e) => void save(e)}>
      <label for="charter-text">{w.textLabel}</label>
      <p class="muted nc-hint" id="charter-hint">
        {w.editorHint}
      </p>
      <textarea
        id="charter-text"
        aria-describedby="charter-hint"
        rows={12}
        maxLength={CHARTER_MAX}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        placeholder={w.placeholder}
      />
      <TranslationsFields
        id="charter-tr"
        languages={languages}
        fields={[{ key: 'text', label: w.textLabel, maxLength: CHARTER_MAX, rows: 8 }]}
        value={versions}
        onChange={setVersions}
        defaults={{ text: draft }}
      />
      <div class="nc-form-foot">
        <span class="muted">
          {w.characters(f.number(draft.length), f.number(CHARTER_MAX))}
          {updatedAt ? ` · ${w.lastChangedShort(f.date(updatedAt))}` : ''}
        </span>
        <a href="/backoffice/charter">{w.seeAsMembers}</a>
        <button type="submit" class="primary small" disabled={!changed || busy}>
          {w.save}
        </button>
      </div>
    </form>
  );
}
