import { useSummary } from '../../hooks/useRecognition.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { Medallion } from './Medallion.tsx';
import { pts } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
  userId: string;
}

/** A member's public standing in one compact line: points · tier · badges (for the profile dialog). */
export function PeerStanding({ socket, siteId, userId }: Props) {
  const i18n = useI18n();
  const w = i18n.t.recognition.peer;
  const { summary, error } = useSummary(socket, siteId, userId);
  if (error) return null; // recognition is a bonus on a profile: its absence must not break the dialog
  if (!summary) return <p class="peer-standing muted small">{w.loading}</p>;
  const earned = summary.badges.filter((b) => b.earned);
  return (
    <section class="peer-standing" aria-label={w.label}>
      <span class="ps-item">
        <strong>{pts(summary.lifetime, i18n)}</strong>
      </span>
      <span class="ps-sep" aria-hidden="true">
        ·
      </span>
      <span class="ps-item tier-pill">{summary.tier.name}</span>
      <span class="ps-sep" aria-hidden="true">
        ·
      </span>
      <span class="ps-item">{i18n.f.plural(earned.length, w.badges)}</span>
      {earned.length > 0 && (
        <span class="ps-medals" role="img" aria-label={w.badgesList(i18n.f.list(earned.map((b) => b.name)))}>
          {earned.slice(0, 5).map((b) => (
            <Medallion key={b.key} name={b.key} earned size={26} />
          ))}
        </span>
      )}
    </section>
  );
}
