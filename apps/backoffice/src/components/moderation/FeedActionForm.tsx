import { useEffect, useRef, useState } from 'preact/hooks';
import { FormFooter } from './FormFooter.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  action: 'hide' | 'delete';
  onConfirm: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Hide or delete a reported feed item: the author sees the reason. */
export function FeedActionForm({ action, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const w = t.manage.moderation;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const verb = action === 'hide' ? w.hide : w.delete;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError(w.authorReasonRequired);
    setError(await onConfirm(reason.trim()));
  };
  return (
    <form class="mod-form" onSubmit={submit} aria-label={action === 'hide' ? w.hideItem : w.deleteItem}>
      <label class="mod-field">
        {w.reasonForAuthor}
        <input ref={input} value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <FormFooter error={error} onCancel={onCancel}>
        {verb}
      </FormFooter>
    </form>
  );
}
