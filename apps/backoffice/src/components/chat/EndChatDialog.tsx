import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Asks before ending a chat nobody answered: the visitor would leave without any answer. */
export function EndChatDialog({ question, onEnd, onClose }: { question: string; onEnd: () => void; onClose: () => void }) {
  const w = useI18n().t.desk.end;
  return (
    <Modal label={w.title} onClose={onClose} class="confirm-modal">
      <h2>{w.title}</h2>
      <p class="muted">{w.body(question.length > 90 ? `${question.slice(0, 90)}…` : question)}</p>
      <div class="reason-actions">
        <button type="button" class="ghost" onClick={onClose} autofocus>
          {w.keepOpen}
        </button>
        <button
          type="button"
          class="primary danger-fill"
          onClick={() => {
            onClose();
            onEnd();
          }}
        >
          {w.endAnyway}
        </button>
      </div>
    </Modal>
  );
}
