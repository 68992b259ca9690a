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
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} class={`modal ${cls ?? ''}`} aria-label={label} onClose={onClose} onClick={(e) => e.target === ref.current && onClose()}>
      <div class="modal-body">
        <button type="button" class="modal-close" aria-label={t.common.close} onClick={onClose}>
          ×
        </button>
        {children}
      </div>
    </dialog>
  );
}
