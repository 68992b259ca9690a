import { useState } from 'preact/hooks';
import { FormFooter } from '../moderation/FormFooter.tsx';

interface Props {
  conversations: number;
  onErase: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}

/** The confirmation of an erasure: what goes, what stays, and where the request came from. */
export function EraseForm({ conversations, onErase, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say where the request came from: it is kept in the audit log.');
    setBusy(true);
    setError(await onErase(reason.trim()));
    setBusy(false);
  };
  return (
    <form class="mod-form privacy-erase" onSubmit={submit} aria-label="Erase this visitor's data">
      <p>
        <strong>This cannot be undone.</strong> The visitor's {conversations === 1 ? 'chat loses' : `${conversations} chats lose`} every message, page, note,
        name, email and network address; an open chat ends. Helpers keep their points, and the numbers keep the chats as counts and ratings.
      </p>
      <label class="mod-field">
        Request received from
        <input value={reason} maxLength={300} placeholder="e.g. email of 24 Nov from the visitor" onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <FormFooter error={error} onCancel={onCancel} danger busy={busy}>
        Erase for good
      </FormFooter>
    </form>
  );
}
