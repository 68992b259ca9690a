import type { MessageContext } from '@tribu/protocol/client';
import { stamp } from './words.ts';

/** The chat around a reported message: the question, the page, who answered, and a few lines either side. */
export function MessageContextView({ c }: { c: MessageContext }) {
  return (
    <div class="mod-context">
      <dl class="mod-facts">
        <div>
          <dt>Question</dt>
          <dd>{c.question}</dd>
        </div>
        {c.page && (
          <div>
            <dt>Page</dt>
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
          <dt>Chat</dt>
          <dd>
            {stamp(c.startedAt)} · {c.helperName ? `answered by ${c.helperName}` : 'not answered'} ·{' '}
            <span class={`mod-state ${c.status}`}>{c.status === 'closed' ? 'ended' : c.status === 'active' ? 'in progress' : 'waiting'}</span>
            {c.visitorBanned && <span class="mod-chip danger">Visitor banned</span>}
          </dd>
        </div>
      </dl>
      <ol class="mod-transcript" aria-label="Messages around the reported one">
        {c.messages.map((m) => (
          <li key={m.id} class={`${m.author}${m.reported ? ' reported' : ''}`}>
            <span class="mt-who">{m.author === 'visitor' ? 'Visitor' : m.author === 'helper' ? (m.authorName ?? 'Helper') : 'Tribu'}</span>
            <span class="mt-at">{stamp(m.createdAt)}</span>
            {m.reported && <span class="mod-chip danger">Reported</span>}
            {m.flagged && <span class="mod-chip warn">Blocked word</span>}
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
