import { useEffect, useRef, useState } from 'preact/hooks';
import { ReportDialog } from '../moderation/ReportButton.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** A visitor message's menu (⋯): copy its text, or report it to the community managers. */
export function MessageMenu({ messageId, text }: { messageId: string; text: string }) {
  const w = useI18n().t.desk.log;
  const [open, setOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [copied, setCopied] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(wrap.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      list[(at + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };
  const copy = async () => {
    setOpen(false);
    await navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span class="msg-menu" ref={wrap} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        class="msg-menu-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={w.messageActions}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {copied && (
        <span class="copied" role="status">
          {w.copied}
        </span>
      )}
      {open && (
        <span class="msg-menu-list" role="menu" aria-label={w.messageActions}>
          <button type="button" role="menuitem" onClick={() => void copy()}>
            {w.copy}
          </button>
          <button
            type="button"
            role="menuitem"
            class="danger"
            onClick={() => {
              setOpen(false);
              setReporting(true);
            }}
          >
            {w.report}
          </button>
        </span>
      )}
      {reporting && <ReportDialog kind="message" targetId={messageId} onClose={() => setReporting(false)} />}
    </span>
  );
}
