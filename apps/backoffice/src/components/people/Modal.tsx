import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
  class?: string;
}

/** A native modal dialog: focus kept inside, Escape and the backdrop close it. */
export function Modal({ label, onClose, children, class: cls }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  // Escape closes through the parent's state at once (cancel prevented): the native 'close' event comes a task
  // later, and an Enter on the opener in between (a quick keyboard user) was lost, the state still saying "open".
  // The 'close' our own unmount fires is not passed on.
  const gone = useRef(false);
  const close = () => {
    if (!gone.current) onClose();
  };
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      gone.current = true;
      d?.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`modal ${cls ?? ''}`}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClose={close}
      onClick={(e) => e.target === ref.current && close()}
    >
      <div class="modal-body">
        <button type="button" class="modal-close" aria-label={t.common.close} onClick={close}>
          ×
        </button>
        {children}
      </div>
    </dialog>
  );
}
