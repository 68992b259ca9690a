import pg from 'pg';
import { expect } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AckResult, Message } from '@tribu/protocol';
import { clientId } from './clients.ts';

/** A message sent without waiting, and what came back: the ack, or `lost` when none came in time. */
export interface Sent {
  clientId: string;
  text: string;
  ack: Promise<AckResult<{ message: Message }> | 'lost'>;
}

/**
 * Sends `message <i>` on the visitor's socket without waiting for it; every acknowledged one has its
 * seq recorded in `acked` (client id → seq), which the fault suites then look for in Postgres.
 */
export function sendTracked(visitor: Socket, conversationId: string, i: number, ms: number, acked: Map<string, number>): Sent {
  const cid = clientId();
  const text = `message ${i}`;
  const ack = (visitor.timeout(ms).emitWithAck('message:send', { conversationId, clientId: cid, text }) as Promise<AckResult<{ message: Message }>>).then(
    (r) => {
      if (r.ok) acked.set(cid, r.data.message.seq);
      return r;
    },
    () => 'lost' as const,
  );
  return { clientId: cid, text, ack };
}

/**
 * The conversation as Postgres holds it, asserting what no fault may break: each (sender, client
 * id) stored once and seqs 1..n without a gap. Returns client id → seq.
 */
export async function storedOnceInOrder(databaseUrl: string, conversationId: string): Promise<Map<string, number>> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ seq: number; client_id: string; n: string }>(
      `select seq, client_id, count(*) over (partition by sender_key, client_id) as n
         from messages where conversation_id = $1 order by seq`,
      [conversationId],
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r) => r.n === '1')).toBe(true);
    return new Map(rows.map((r) => [r.client_id, r.seq]));
  } finally {
    await db.end();
  }
}
