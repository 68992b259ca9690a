/** A short notice for the helper (a request taken by someone else, a refused action), dismissible. */
export function Notice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <div class="banner info" role="alert">
      <span>{text}</span>
      <button type="button" class="link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
