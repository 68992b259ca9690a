import { and, eq, sql } from 'drizzle-orm';
import { conversations, type Db } from '@tribu/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Gives a chat to a helper only under their cap. The per-helper advisory lock serialises every way
 * a chat reaches them (a claim, an accepted hand-off), on every node, so parallel takes never
 * overshoot; `take` is the conditional UPDATE that decides whether the chat was still to be had.
 */
export async function takeWithinCap<T>(
  db: Db,
  helperId: string,
  cap: number,
  take: (tx: Tx) => Promise<T | undefined>,
): Promise<{ ok: true; row: T } | { ok: false; reason: 'cap' | 'gone' }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${helperId}, 0))`);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.helperId, helperId), eq(conversations.status, 'active')));
    if ((count?.n ?? 0) >= cap) return { ok: false, reason: 'cap' } as const;
    const row = await take(tx);
    return row ? ({ ok: true, row } as const) : ({ ok: false, reason: 'gone' } as const);
  });
}
