import type { ComponentChildren } from 'preact';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  error: string | null;
  /** The submit button's text. */
  children: ComponentChildren;
  onCancel: () => void;
  /** A red submit for actions that take something away (ban, suspend, remove). */
  danger?: boolean;
  busy?: boolean;
}

/** The end of every moderation form: what went wrong, then the action and Cancel. */
export function FormFooter({ error, children, onCancel, danger = false, busy = false }: Props) {
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert message={error} />
      <div class="mod-actions">
        <button type="submit" class={danger ? 'primary small danger-fill' : 'primary small'} disabled={busy}>
          {children}
        </button>
        <button type="button" class="ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </>
  );
}
