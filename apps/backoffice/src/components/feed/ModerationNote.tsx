import type { ModerationView } from '@tribu/protocol/client';
import { ShieldIcon } from './icons.tsx';

/** What the author (and moderators) read on an item a moderator took down. */
export function ModerationNote({ moderation }: { moderation: ModerationView }) {
  const what = moderation.action === 'hidden' ? 'Hidden' : 'Deleted';
  return (
    <p class="mod-note" role="note">
      <ShieldIcon /> {what} by a moderator: {moderation.reason}
    </p>
  );
}
