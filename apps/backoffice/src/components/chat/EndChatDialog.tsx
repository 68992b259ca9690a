import { Modal } from '../people/Modal.tsx';

/** Asks before ending a chat nobody answered: the visitor would leave without any answer. */
export function EndChatDialog({ question, onEnd, onClose }: { question: string; onEnd: () => void; onClose: () => void }) {
  return (
    <Modal label="End this chat without an answer?" onClose={onClose} class="confirm-modal">
      <h2>End this chat without an answer?</h2>
      <p class="muted">
        Nobody has answered “{question.length > 90 ? `${question.slice(0, 90)}…` : question}” yet. The visitor is told the chat ended. To let another helper
        answer, release it to the board instead.
      </p>
      <div class="reason-actions">
        <button type="button" class="ghost" onClick={onClose} autofocus>
          Keep it open
        </button>
        <button
          type="button"
          class="primary danger-fill"
          onClick={() => {
            onClose();
            onEnd();
          }}
        >
          End without answer
        </button>
      </div>
    </Modal>
  );
}
