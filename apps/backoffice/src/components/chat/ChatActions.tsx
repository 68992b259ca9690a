import { useState } from 'preact/hooks';
import { command } from '../../realtime/socket.ts';
import { AskRoomButton } from '../feed/AskRoomButton.tsx';
import type { ChatPaneProps } from '../ChatPane.tsx';
import { HandoffDialog } from './HandoffDialog.tsx';
import { NeedsStaffDialog } from './NeedsStaffDialog.tsx';
import { clientWords } from '../../api/http.ts';
import { useI18n } from '../../i18n/index.tsx';

/** What a helper can do with a chat: hand it on, send it to staff, ask the room, release it, end it. */
export function ChatActions({ chat, socket, peers, me, onEnd, ending, onUndoEnd, onRelease, onDismiss, onNeedsStaff }: ChatPaneProps) {
  const w = useI18n().t.desk.actions;
  const [dialog, setDialog] = useState<'handoff' | 'staff' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = chat.conversation;
  if (c.status === 'closed') {
    return (
      <div class="pane-actions">
        <button type="button" class="ghost" onClick={onDismiss}>
          {w.closeTab}
        </button>
      </div>
    );
  }
  const offer = async (toUserId: string) => {
    if (!socket) return clientWords.notConnected;
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
          {w.offeredTo(c.handoff.toName)}{' '}
          <button type="button" class="link" onClick={() => void takeBack()}>
            {w.takeBack}
          </button>
        </p>
      )}
      <div class="pane-actions" role="group" aria-label={w.label}>
        <div class="action-set">
          <button type="button" class="ghost" onClick={() => setDialog('handoff')} disabled={c.handoff !== null}>
            {w.handToPeer}
          </button>
          <button type="button" class="ghost" onClick={() => setDialog('staff')}>
            {w.needsStaff}
          </button>
          <AskRoomButton socket={socket} conversation={c} />
        </div>
        <div class="action-set exit">
          {ending ? (
            <button type="button" class="primary small" onClick={onUndoEnd}>
              {w.undoEnd}
            </button>
          ) : (
            <>
              <button type="button" class="ghost" onClick={onRelease} title={w.releaseTitle}>
                {w.release}
              </button>
              <button type="button" class="ghost danger" onClick={onEnd}>
                {w.end}
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
