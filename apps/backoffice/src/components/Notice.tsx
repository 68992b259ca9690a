import { useI18n } from '../i18n/index.tsx';

/** A short notice for the helper (a request taken by someone else, a refused action), dismissible. */
export function Notice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div class="banner info" role="alert">
      <span>{text}</span>
      <button type="button" class="link" onClick={onDismiss}>
        {t.shell.dismiss}
      </button>
    </div>
  );
}
