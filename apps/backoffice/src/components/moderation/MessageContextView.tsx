import type { MessageContext } from '@tribu/protocol/client';
import { stamp } from '../manage/stamp.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The chat around a reported message: the question, the page, who answered, and a few lines either side. */
export function MessageContextView({ c }: { c: MessageContext }) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  return (
    <div class="mod-context">
      <dl class="mod-facts">
        <div>
          <dt>{w.question}</dt>
          <dd>{c.question}</dd>
        </div>
        {c.page && (
          <div>
            <dt>{w.page}</dt>
            <dd>
              {/* The server sends a link only for a page on the site's origins; anything else is words. */}
              {/^https?:\/\//i.test(c.page.url) ? (
                <a href={c.page.url} target="_blank" rel="noreferrer noopener nofollow">
                  {c.page.title || c.page.url}
                </a>
              ) : (
                <span>{c.page.title || c.page.url}</span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{w.chat}</dt>
          <dd>
            {stamp(f, c.startedAt)} · {c.helperName ? w.answeredBy(c.helperName) : w.notAnswered} ·{' '}
            <span class={`mod-state ${c.status}`}>
              {c.status === 'closed' ? w.chatState.closed : c.status === 'active' ? w.chatState.active : w.chatState.waiting}
            </span>
            {c.visitorBanned && <span class="mod-chip danger">{w.visitorBanned}</span>}
          </dd>
        </div>
      </dl>
      <ol class="mod-transcript" aria-label={w.around}>
        {c.messages.map((m) => (
          <li key={m.id} class={`${m.author}${m.reported ? ' reported' : ''}`}>
            <span class="mt-who">{m.author === 'visitor' ? w.visitor : m.author === 'helper' ? (m.authorName ?? w.helper) : 'Tribu'}</span>
            <span class="mt-at">{stamp(f, m.createdAt)}</span>
            {m.reported && <span class="mod-chip danger">{w.reported}</span>}
            {m.flagged && <span class="mod-chip warn">{w.blockedWord}</span>}
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
