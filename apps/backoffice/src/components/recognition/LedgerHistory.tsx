import type { LedgerEntry } from '@tribu/protocol/client';
import { ledgerText, signed, whenText } from './words.ts';

/** The ledger in words, newest first: every point that came in or went out, and why. */
export function LedgerHistory({ entries }: { entries: LedgerEntry[] }) {
  return (
    <section class="panel rec-panel" aria-labelledby="history-h">
      <div class="panel-head">
        <h2 id="history-h">History</h2>
      </div>
      {entries.length === 0 ? (
        <p class="encourage">Nothing yet — your first answered chat will show up here, point by point.</p>
      ) : (
        <ol class="ledger">
          {entries.map((e) => (
            <li key={e.id} class={e.points >= 0 ? 'gain' : 'loss'}>
              <span class="ledger-pts">{signed(e.points)}</span>
              <span class="ledger-what">{ledgerText(e)}</span>
              <time class="ledger-when" dateTime={e.createdAt}>
                {whenText(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
