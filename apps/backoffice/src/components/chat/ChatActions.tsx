import { useState } from 'preact/hooks';
import { command } from '../../realtime/socket.ts';
import { AskRoomButton } from '../feed/AskRoomButton.tsx';
import type { ChatPaneProps } from '../ChatPane.tsx';
import { HandoffDialog } from './HandoffDialog.tsx';
import { NeedsStaffDialog } from './NeedsStaffDialog.tsx';

/** What a helper can do with a chat: hand it on, send it to staff, ask the room, release it, end it. */
export function ChatActions({ chat, socket, peers, me, onEnd, ending, onUndoEnd, onRelease, onDismiss, onNeedsStaff }: ChatPaneProps) {
  const [dialog, setDialog] = useState<'handoff' | 'staff' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = chat.conversation;
  if (c.status === 'closed') {
    return (
      <div class="pane-actions">
        <button type="button" class="ghost" onClick={onDismiss}>
          Close tab
        </button>
      </div>
    );
  }
  const offer = async (toUserId: string) => {
    if (!socket) return 'Not connected';
    const r = await command(socket, 'handoff:offer', { conversationId: c.id, toUserId });
    return r.ok ? null : r.error.message;
  };
  const takeBack = async () => {
    if (!socket) return;
    const r = await command(socket, 'handoff:cancel', { conversationId: c.id });
    setError(r.ok ? null : r.error.message);
  };
  return (
    <>
      {c.handoff && (
        <p class="handoff-pending" role="status">
          Offered to <strong>{c.handoff.toName}</strong> — waiting for their answer.{' '}
          <button type="button" class="link" onClick={() => void takeBack()}>
            Take it back
          </button>
        </p>
      )}
      <div class="pane-actions" role="group" aria-label="Chat actions">
        <div class="action-set">
          <button type="button" class="ghost" onClick={() => setDialog('handoff')} disabled={c.handoff !== null}>
            Hand to a peer
          </button>
          <button type="button" class="ghost" onClick={() => setDialog('staff')}>
            Needs staff
          </button>
          <AskRoomButton socket={socket} conversation={c} />
        </div>
        <div class="action-set exit">
          {ending ? (
            <button type="button" class="primary small" onClick={onUndoEnd}>
              Undo end
            </button>
          ) : (
            <>
              <button type="button" class="ghost" onClick={onRelease} title="Another helper can take it; the history stays">
                Release to board
              </button>
              <button type="button" class="ghost danger" onClick={onEnd}>
                End chat
              </button>
            </>
          )}
        </div>
      </div>
      {error && <p class="alert">{error}</p>}
      {dialog === 'handoff' && <HandoffDialog peers={peers} me={me} onOffer={offer} onClose={() => setDialog(null)} />}
      {dialog === 'staff' && <NeedsStaffDialog onSend={onNeedsStaff} onClose={() => setDialog(null)} />}
    </>
  );
}
