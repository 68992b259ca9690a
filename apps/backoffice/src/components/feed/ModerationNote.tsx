import type { ModerationView } from '@tribu/protocol/client';
import { ShieldIcon } from './icons.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** What the author (and moderators) read on an item a moderator took down. */
export function ModerationNote({ moderation }: { moderation: ModerationView }) {
  const { t } = useI18n();
  const w = t.community.feed;
  return (
    <p class="mod-note" role="note">
      <ShieldIcon /> {moderation.action === 'hidden' ? w.hiddenBy(moderation.reason) : w.deletedBy(moderation.reason)}
    </p>
  );
}
