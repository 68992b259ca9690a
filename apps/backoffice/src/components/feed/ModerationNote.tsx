import type { ModerationView } from '@tribu/protocol/client';

/** What the author (and moderators) read on an item a moderator took down. */
export function ModerationNote({ moderation }: { moderation: ModerationView }) {
  const what = moderation.action === 'hidden' ? 'Hidden' : 'Deleted';
  return (
    <p class="mod-note" role="note">
      <span aria-hidden="true">🛡️</span> {what} by a moderator: {moderation.reason}
    </p>
  );
}
