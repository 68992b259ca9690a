import type { PageVisit } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
const safe = (url: string) => /^https?:\/\//i.test(url);

/** Every page the visitor viewed during the chat, newest at the bottom, the current one marked. */
export function Trail({ trail }: { trail: PageVisit[] }) {
  const { t, f } = useI18n();
  if (trail.length === 0) return <p class="muted small">{t.desk.details.noPage}</p>;
  return (
    <ol class="trail">
      {trail.map((p, i) => (
        <li key={`${p.at}-${i}`} class={i === trail.length - 1 ? 'now' : ''}>
          <time dateTime={p.at}>{f.time(p.at)}</time>
          {safe(p.url) ? (
            <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
              {p.title || p.url}
            </a>
          ) : (
            <span>{p.title || p.url}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
