import { useEffect, useRef, useState } from 'preact/hooks';
import { FormFooter } from './FormFooter.tsx';

interface Props {
  action: 'hide' | 'delete';
  onConfirm: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Hide or delete a reported feed item: the author sees the reason. */
export function FeedActionForm({ action, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const verb = action === 'hide' ? 'Hide' : 'Delete';
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Give a reason: the author will see it.');
    setError(await onConfirm(reason.trim()));
  };
  return (
    <form class="mod-form" onSubmit={submit} aria-label={`${verb} this item`}>
      <label class="mod-field">
        Reason shown to the author
        <input ref={input} value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <FormFooter error={error} onCancel={onCancel}>
        {verb}
      </FormFooter>
    </form>
  );
}
