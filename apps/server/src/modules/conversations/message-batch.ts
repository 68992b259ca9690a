import { sql } from 'drizzle-orm';
import { canSend } from '@tribu/domain';
import type { Db } from '@tribu/db';
import type { NewMessage } from './conversation.repository.ts';

type MessageRow = {
  id: string;
  conversationId: string;
  seq: number;
  authorKind: NewMessage['authorKind'];
  authorId: string | null;
  senderKey: string;
  clientId: string;
  text: string;
  flagged: boolean;
  createdAt: Date;
};

/** What became of one message of a batch. */
export type WriteOutcome =
  /** Stored now (`created`), or stored before with the same text (a retry): the stored row. */
  | { kind: 'stored'; row: MessageRow; created: boolean }
  /** The same client id was used before for a different text. */
  | { kind: 'conflict' }
  /** The conversation is gone, closed, or not this sender's to write in (checked under its row lock). */
  | { kind: 'refused' };

interface Entry {
  m: NewMessage;
  resolve: (o: WriteOutcome) => void;
  reject: (e: unknown) => void;
}

interface Locked {
  id: string;
  status: 'waiting' | 'active' | 'closed';
  helper_id: string | null;
  last_seq: number;
}

/**
 * Group commit for messages. Concurrent sends are queued and written together, one transaction per
 * batch (at most `maxRows`), one batch at a time: while a batch commits, the next one fills. Each
 * sender's promise settles only after its batch has committed, so a message is durable before
 * anyone is told of it. Per conversation, seqs follow the order of the queue, under the
 * conversation's row lock (taken in id order, so batches of several nodes never deadlock).
 */
export class MessageBatcher {
  private queue: Entry[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxRows = 256,
  ) {}

  write(m: NewMessage): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ m, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // Everything that arrives in this turn of the event loop goes into the same batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxRows);
    try {
      const outcomes = await this.store(batch.map((e) => e.m));
      batch.forEach((e, i) => e.resolve(outcomes[i]!));
    } catch (e) {
      if (batch.length === 1) batch[0]!.reject(e);
      // One bad message must not fail its neighbours: they are written one by one.
      else for (const entry of batch) await this.store([entry.m]).then((o) => entry.resolve(o[0]!), entry.reject);
    } finally {
      this.flushing = false;
      // What queued meanwhile has waited a whole commit already: write it now.
      if (this.queue.length > 0) void this.flush();
    }
  }

  /** One transaction: lock the conversations, find retries, number and insert the new rows. */
  private store(list: NewMessage[]): Promise<WriteOutcome[]> {
    return this.db.transaction(async (tx) => {
      const ids = [...new Set(list.map((m) => m.conversationId))].sort();
      const locked = rows<Locked>(
        await tx.execute(sql`
          select id, status, helper_id, last_seq from conversations
          where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
          order by id for update`),
      );
      const conv = new Map(locked.map((c) => [c.id, c]));
      // Read after the locks are held: a retry committed by another node is seen here.
      const keys = list.map((m) => ({ c: m.conversationId, s: m.senderKey, i: m.clientId }));
      const stored = rows<Record<string, unknown>>(
        await tx.execute(sql`
          select m.id, m.conversation_id, m.seq, m.author_kind, m.author_id, m.sender_key, m.client_id, m.text, m.flagged, m.created_at
          from messages m join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(c uuid, s text, i text)
            on m.conversation_id = k.c and m.sender_key = k.s and m.client_id = k.i`),
      ).map(toRow);
      const byKey = new Map(stored.map((r) => [key(r), r]));

      const outcomes: (WriteOutcome | undefined)[] = [];
      const fresh: { at: number; seq: number; m: NewMessage }[] = [];
      const firstInBatch = new Map<string, number>();
      list.forEach((m, at) => {
        const k = key(m);
        const before = byKey.get(k);
        if (before) return void (outcomes[at] = before.text === m.text ? { kind: 'stored', row: before, created: false } : { kind: 'conflict' });
        const twin = firstInBatch.get(k);
        if (twin !== undefined) return; // settled below, from its twin's outcome
        const c = conv.get(m.conversationId);
        if (!c || !allowed(c, m)) return void (outcomes[at] = { kind: 'refused' });
        firstInBatch.set(k, at);
        fresh.push({ at, seq: ++c.last_seq, m });
      });

      if (fresh.length > 0) {
        const values = fresh.map(({ seq, m }) => ({
          conversation_id: m.conversationId,
          seq,
          author_kind: m.authorKind,
          author_id: m.authorId,
          sender_key: m.senderKey,
          client_id: m.clientId,
          text: m.text,
          flagged: m.flagged === true,
        }));
        const touched = new Map<string, { id: string; last_seq: number; helper: boolean }>();
        for (const { m } of fresh) {
          const b = touched.get(m.conversationId) ?? { id: m.conversationId, last_seq: conv.get(m.conversationId)!.last_seq, helper: false };
          b.helper ||= m.authorKind === 'helper';
          touched.set(m.conversationId, b);
        }
        const bumps = [...touched.values()];
        const inserted = rows<Record<string, unknown>>(
          await tx.execute(sql`
            with ins as (
              insert into messages (conversation_id, seq, author_kind, author_id, sender_key, client_id, text, flagged)
              select conversation_id, seq, author_kind, author_id, sender_key, client_id, text, flagged
              from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(conversation_id uuid, seq int,
                author_kind author_kind, author_id uuid, sender_key text, client_id text, text text, flagged boolean)
              returning id, conversation_id, seq, author_kind, author_id, sender_key, client_id, text, flagged, created_at
            ), bump as (
              update conversations c set last_seq = b.last_seq,
                first_response_at = case when b.helper then coalesce(c.first_response_at, now()) else c.first_response_at end
              from jsonb_to_recordset(${JSON.stringify(bumps)}::jsonb) as b(id uuid, last_seq int, helper boolean)
              where c.id = b.id
            )
            select * from ins`),
        ).map(toRow);
        const bySeq = new Map(inserted.map((r) => [`${r.conversationId}|${r.seq}`, r]));
        for (const f of fresh) {
          const row = bySeq.get(`${f.m.conversationId}|${f.seq}`);
          if (!row) throw new Error('batched message insert returned fewer rows than written');
          outcomes[f.at] = { kind: 'stored', row, created: true };
        }
      }
      // A message queued twice before its first copy committed: the copy is a retry of the first.
      list.forEach((m, at) => {
        if (outcomes[at]) return;
        const first = outcomes[firstInBatch.get(key(m))!];
        outcomes[at] =
          first?.kind === 'stored'
            ? first.row.text === m.text
              ? { kind: 'stored', row: first.row, created: false }
              : { kind: 'conflict' }
            : (first ?? { kind: 'refused' });
      });
      return outcomes as WriteOutcome[];
    });
  }
}

/** Who may write in a conversation's current state (the domain's `canSend`, plus the helper's hold). */
function allowed(c: Locked, m: NewMessage): boolean {
  if (m.authorKind === 'system') return c.status !== 'closed';
  return canSend(c.status, m.authorKind) && (m.authorKind !== 'helper' || c.helper_id === m.authorId);
}

const key = (m: { conversationId: string; senderKey: string; clientId: string }) => `${m.conversationId}|${m.senderKey}|${m.clientId}`;

// node-postgres and PGlite both answer `{ rows }`.
const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

function toRow(r: Record<string, unknown>): MessageRow {
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    seq: Number(r.seq),
    authorKind: r.author_kind as MessageRow['authorKind'],
    authorId: (r.author_id as string | null) ?? null,
    senderKey: r.sender_key as string,
    clientId: r.client_id as string,
    text: r.text as string,
    flagged: r.flagged === true,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
  };
}
