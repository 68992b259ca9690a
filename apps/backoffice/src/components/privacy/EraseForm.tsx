import { useState } from 'preact/hooks';
import { FormFooter } from '../moderation/FormFooter.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  conversations: number;
  onErase: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}

/** The confirmation of an erasure: what goes, what stays, and where the request came from. */
export function EraseForm({ conversations, onErase, onCancel }: Props) {
  const { t, f } = useI18n();
  const w = t.settings.privacy;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError(w.reasonRequired);
    setBusy(true);
    setError(await onErase(reason.trim()));
    setBusy(false);
  };
  return (
    <form class="mod-form privacy-erase" onSubmit={submit} aria-label={w.eraseLabel}>
      <p>
        <strong>{w.cannotUndo}</strong> {f.plural(conversations, w.whatGoes)}
      </p>
      <label class="mod-field">
        {w.reason}
        <input value={reason} maxLength={300} placeholder={w.reasonPlaceholder} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <FormFooter error={error} onCancel={onCancel} danger busy={busy}>
        {w.eraseForGood}
      </FormFooter>
    </form>
  );
}
