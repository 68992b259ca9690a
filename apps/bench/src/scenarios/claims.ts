import { performance } from 'node:perf_hooks';
import { command, CommandError, connectHelper, connectVisitor, mintVisitors, pool } from '../load/clients.ts';
import { clientId } from '../load/pairs.ts';
import type { ServerChild } from '../server/child.ts';
import type { Target } from '../server/targets.ts';

export interface ClaimsResult {
  requests: number;
  helpers: number;
  attempts: number;
  /** Requests decided (won by someone) per second of the burst. */
  claimsPerSec: number;
  attemptsPerSec: number;
  /** Requests exactly one helper won, by the acks. */
  wonOnce: number;
  /** Requests stored with exactly one helper, read back from the database (Tribu only). */
  storedOnce: number | null;
  /** Refusals other than "already claimed". */
  unexpected: number;
  firstUnexpected?: string;
}

/**
 * A burst: `requests` visitors ask at once, then every one of `helpers` helpers tries to take every
 * request, in its own order. Each request must be won exactly once.
 */
export async function claimsBurst(target: Target, node: ServerChild, o: { requests: number; helpers: number; firstHelper: number }): Promise<ClaimsResult> {
  const helpers = await pool(o.helpers, 8, (i) => connectHelper(target, node, o.firstHelper + i));
  const identities = await mintVisitors(target, node, o.requests);
  const visitors = await pool(o.requests, 32, (i) => connectVisitor(target, node, identities[i]!));
  try {
    const ids = await pool(o.requests, 32, async (i) => {
      const r = await command<{ conversation: { id: string } }>(visitors[i]!, 'conversation:start', {
        clientId: clientId(i, 'claim'),
        text: `Who takes request ${i}?`,
      });
      return r.conversation.id;
    });
    const wins = new Map<string, number>(ids.map((id) => [id, 0]));
    let unexpected = 0;
    let firstUnexpected: string | undefined;
    const start = performance.now();
    await Promise.all(
      helpers.map((h, hi) => {
        // Each helper walks the board from a different place, as people pick different cards.
        const order = ids.map((_, i) => ids[(i + hi * 7) % ids.length]!);
        return Promise.all(
          order.map((id) =>
            // A burst queues: answers may take long, and a slow answer is still an answer.
            command(h, 'conversation:claim', { conversationId: id }, 120_000).then(
              () => wins.set(id, wins.get(id)! + 1),
              (e: unknown) => {
                if (e instanceof CommandError && e.code === 'already_claimed') return;
                unexpected++;
                firstUnexpected ??= String(e);
              },
            ),
          ),
        );
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const attempts = o.helpers * o.requests;
    return {
      requests: o.requests,
      helpers: o.helpers,
      attempts,
      claimsPerSec: Math.round(o.requests / seconds),
      attemptsPerSec: Math.round(attempts / seconds),
      wonOnce: [...wins.values()].filter((n) => n === 1).length,
      storedOnce: target.claimedOnce ? await target.claimedOnce(ids) : null,
      unexpected,
      ...(firstUnexpected ? { firstUnexpected } : {}),
    };
  } finally {
    [...helpers, ...visitors].forEach((s) => s.disconnect());
  }
}
