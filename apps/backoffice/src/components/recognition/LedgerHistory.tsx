import type { LedgerEntry } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { ledgerText, signed } from './words.ts';

/** The ledger in words, newest first: every point that came in or went out, and why. */
export function LedgerHistory({ entries }: { entries: LedgerEntry[] }) {
  const i18n = useI18n();
  const { t, f } = i18n;
  return (
    <section class="panel rec-panel" aria-labelledby="history-h">
      <div class="panel-head">
        <h2 id="history-h">{t.recognition.history.title}</h2>
      </div>
      {entries.length === 0 ? (
        <p class="encourage">{t.recognition.history.empty}</p>
      ) : (
        <ol class="ledger">
          {entries.map((e) => (
            <li key={e.id} class={e.points >= 0 ? 'gain' : 'loss'}>
              <span class="ledger-pts">{signed(e.points, i18n)}</span>
              <span class="ledger-what">{ledgerText(e, i18n)}</span>
              <time class="ledger-when" dateTime={e.createdAt}>
                {f.dateTime(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
