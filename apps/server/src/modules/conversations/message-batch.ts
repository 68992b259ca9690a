import { namedStatements, type Db } from '@tribu/db';
import { isConnectionFailure, isUniqueViolation } from '../../lib/pg-errors.ts';
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

/**
 * Group commit for messages. Concurrent sends are queued and written together, one statement per
 * batch (at most `maxRows`), with a few batches in flight: while they commit, the next ones fill.
 * A conversation is in at most one batch in flight, so its seqs follow the order of the queue.
 * Each sender's promise settles only after its batch has committed, so a message is durable before
 * anyone is told of it. Row locks are taken in id order: batches of several nodes never deadlock.
 */
export class MessageBatcher {
  private queue: Entry[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Conversations with a batch in flight. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly maxRows = 256,
    // One batch at a time by default: what arrives during a commit forms the next, larger batch.
    // Measured on 2 cores (Postgres on the same machine): 1 in flight gave ~30 % more messages/s
    // than 4, whose many small statements cost Postgres more CPU per message.
    private readonly maxInFlight = 1,
  ) {
    this.query = namedStatements(db);
  }

  private readonly query: ReturnType<typeof namedStatements>;

  /** Resolves once nothing is queued or being written (a node leaving waits for it before closing the pool). */
  settled(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private waiters: (() => void)[] = [];
  private idle = () => this.queue.length === 0 && this.inFlight === 0 && !this.scheduled;

  write(m: NewMessage): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ m, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Everything that arrives in this turn of the event loop goes into the same batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch: Entry[] = [];
      const rest: Entry[] = [];
      const taken = new Set<string>();
      for (const e of this.queue) {
        const id = e.m.conversationId;
        // A conversation already being written waits, and so do its later messages (order kept).
        if (batch.length < this.maxRows && !this.busy.has(id)) {
          batch.push(e);
          taken.add(id);
        } else rest.push(e);
      }
      if (batch.length === 0) return;
      this.queue = rest;
      taken.forEach((id) => this.busy.add(id));
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        taken.forEach((id) => this.busy.delete(id));
        // What queued meanwhile has waited a commit already: write it now.
        this.flush();
        if (this.idle()) this.waiters.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async run(batch: Entry[]): Promise<void> {
    try {
      const outcomes = await this.storeAfterRaces(batch.map((e) => e.m));
      batch.forEach((e, i) => e.resolve(outcomes[i]!));
    } catch (e) {
      // The database is down or its connection was cut: nothing to retry one by one; the senders
      // get the retryable `unavailable` (mapped at the edge) and send again with the same client ids.
      if (batch.length === 1 || isConnectionFailure(e)) return batch.forEach((entry) => entry.reject(e));
      // One bad message must not fail its neighbours: they are written one by one.
      for (const entry of batch) await this.storeAfterRaces([entry.m]).then((o) => entry.resolve(o[0]!), entry.reject);
    }
  }

  /**
   * `store`, run again when it meets a unique violation: the statement's snapshot was taken before
   * another node committed a copy of one of its messages (same conversation, sender and client id),
   * and Postgres reports that only once the copy is committed, so the next run finds it stored and
   * answers with it. Each run can only be beaten by copies committed during it, hence a few tries.
   */
  private async storeAfterRaces(list: NewMessage[]): Promise<WriteOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store(list);
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= MAX_RACE_RETRIES) throw e;
      }
    }
  }

  /**
   * One statement (STORE_BATCH), so one round trip and one commit per batch. A retry racing its
   * first copy on another node meets the unique constraint: the statement is run again
   * (`storeAfterRaces`), when the first copy is visible.
   */
  private async store(list: NewMessage[]): Promise<WriteOutcome[]> {
    const outcomes: (WriteOutcome | undefined)[] = [];
    const firstOf = new Map<string, number>();
    const input: (Omit<NewMessage, 'authorName'> & { ord: number })[] = [];
    list.forEach((m, ord) => {
      if (firstOf.has(key(m))) return; // a copy queued before its first was written: settled below
      firstOf.set(key(m), ord);
      input.push({
        ord,
        conversationId: m.conversationId,
        authorKind: m.authorKind,
        authorId: m.authorId,
        senderKey: m.senderKey,
        clientId: m.clientId,
        text: m.text,
        flagged: m.flagged === true,
      });
    });
    const result = await this.query(STORE_BATCH, [
      input.map((m) => m.ord),
      input.map((m) => m.conversationId),
      input.map((m) => m.authorKind),
      input.map((m) => m.authorId),
      input.map((m) => m.senderKey),
      input.map((m) => m.clientId),
      input.map((m) => m.text),
      input.map((m) => m.flagged),
    ]);
    for (const r of result) {
      const ord = Number(r.ord);
      const row = toRow(r);
      outcomes[ord] = r.created === true || row.text === list[ord]!.text ? { kind: 'stored', row, created: r.created === true } : { kind: 'conflict' };
    }
    list.forEach((m, ord) => {
      if (outcomes[ord]) return;
      const first = firstOf.get(key(m))!;
      if (first === ord) return void (outcomes[ord] = { kind: 'refused' });
      const o = outcomes[first] ?? { kind: 'refused' };
      outcomes[ord] = o.kind === 'stored' ? (o.row.text === m.text ? { kind: 'stored', row: o.row, created: false } : { kind: 'conflict' }) : o;
    });
    return outcomes as WriteOutcome[];
  }
}

/**
 * The batch as one prepared statement over typed arrays (one element per message): lock the
 * conversations in id order, find retries (one index probe each: `limit 1` keeps the lookup per row,
 * where a join would scan `messages`), number the new rows after each conversation's last seq,
 * insert them and bump last_seq. Arrays rather than a jsonb document: nothing to parse, and the
 * planner knows the types, so the plan is made once per connection.
 */
const STORE_BATCH = {
  name: 'tribu_store_messages_v3',
  text: `
  with input as (
    select * from unnest($1::int[], $2::uuid[], $3::text[]::author_kind[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::boolean[])
      as v(ord, cid, kind, aid, sk, cl, txt, flagged)
  ), locked as (
    select c.id, c.status, c.helper_id, c.last_seq from conversations c
    where c.id = any($2::uuid[]) order by c.id for update
  ), existing as (
    select i.ord, m.* from input i cross join lateral (
      select * from messages m where m.conversation_id = i.cid and m.sender_key = i.sk and m.client_id = i.cl limit 1) m
  ), accepted as (
    select i.*, l.last_seq + row_number() over (partition by i.cid order by i.ord) as seq
    from input i join locked l on l.id = i.cid
    where i.ord not in (select ord from existing)
      -- the domain's canSend, plus the helper's hold on the chat
      and case i.kind when 'helper' then l.status = 'active' and l.helper_id = i.aid else l.status <> 'closed' end
  ), ins as (
    insert into messages (conversation_id, seq, author_kind, author_id, sender_key, client_id, text, flagged)
    select cid, seq, kind, aid, sk, cl, txt, flagged from accepted
    returning id, conversation_id, seq, author_kind, author_id, sender_key, client_id, text, flagged, created_at
  ), bump as (
    -- a bump within a second of the last change keeps its updated_at (the trigger's WHEN, migration 0023): a HOT update
    update conversations c set last_seq = a.top,
      first_response_at = case when a.helper then coalesce(c.first_response_at, now()) else c.first_response_at end
    from (select cid as id, max(seq) as top, bool_or(kind = 'helper') as helper from accepted group by cid) a
    where c.id = a.id
  )
  select a.ord, true as created, ins.id, ins.conversation_id, ins.seq, ins.author_kind, ins.author_id, ins.sender_key,
    ins.client_id, ins.text, ins.flagged, ins.created_at
  from ins join accepted a on a.cid = ins.conversation_id and a.seq = ins.seq
  union all
  select e.ord, false as created, e.id, e.conversation_id, e.seq, e.author_kind, e.author_id, e.sender_key, e.client_id,
    e.text, e.flagged, e.created_at
  from existing e`,
};

/** Tries of one batch against copies committed by other nodes meanwhile (one per racing node is enough). */
const MAX_RACE_RETRIES = 4;

const key = (m: { conversationId: string; senderKey: string; clientId: string }) => `${m.conversationId}|${m.senderKey}|${m.clientId}`;

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
