import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { conversations, createDb, messages, users, visitors, type DbHandle } from '@tribu/db';
import { createTestDatabase } from '../../test/support/database.ts';
import { USERS, seedFixtures } from '../../test/support/fixtures.ts';
import { hasPostgres } from '../../test/support/services.ts';
import type { NewMessage } from './conversation.repository.ts';
import { MessageBatcher } from './message-batch.ts';

describe.skipIf(!hasPostgres)('MessageBatcher (group commit of messages, on Postgres)', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let siteId: string;
  let helperId: string;
  let otherHelperId: string;
  let conversationId: string;
  let visitorId: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    handle = await createDb({ databaseUrl: database.url, poolSize: 4 });
    siteId = (await seedFixtures(handle.db)).siteA;
    const byEmail = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0]!.id;
    helperId = await byEmail(USERS.helperA1.email);
    otherHelperId = await byEmail(USERS.helperA2.email);
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });
  beforeEach(async () => {
    visitorId = randomUUID();
    await handle.db.insert(visitors).values({ id: visitorId, siteId });
    const [c] = await handle.db
      .insert(conversations)
      .values({ siteId, visitorId, question: 'q', status: 'active', helperId, claimedAt: new Date() })
      .returning();
    conversationId = c!.id;
  });

  const fromVisitor = (clientId: string, text = clientId): NewMessage => ({
    conversationId,
    authorKind: 'visitor',
    authorId: null,
    senderKey: `v:${visitorId}`,
    clientId,
    text,
    authorName: null,
  });
  const fromHelper = (id: string, clientId: string): NewMessage => ({
    conversationId,
    authorKind: 'helper',
    authorId: id,
    senderKey: `u:${id}`,
    clientId,
    text: clientId,
    authorName: 'Ada',
  });
  const stored = async () => handle.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq));

  it('numbers concurrent sends in the order they were queued and bumps last_seq once per message', async () => {
    const batcher = new MessageBatcher(handle.db);
    const outcomes = await Promise.all(Array.from({ length: 300 }, (_, i) => batcher.write(fromVisitor(`c${i}`))));
    expect(outcomes.map((o) => (o.kind === 'stored' ? o.row.seq : o.kind))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect((await stored()).map((m) => m.clientId)).toEqual(Array.from({ length: 300 }, (_, i) => `c${i}`));
    const [c] = await handle.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(c!.lastSeq).toBe(300);
  });

  it("dates the chat's change when a message is written a second or more after the last one; a message within that second keeps the date", async () => {
    const batcher = new MessageBatcher(handle.db);
    const updatedAt = async () => (await handle.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]!.updatedAt.getTime();
    const long = new Date(Date.now() - 60_000);
    // Setting updated_at itself keeps the value given.
    await handle.db.update(conversations).set({ updatedAt: long }).where(eq(conversations.id, conversationId));
    expect(await updatedAt()).toBe(long.getTime());
    const before = Date.now();
    await batcher.write(fromVisitor('late'));
    const moved = await updatedAt();
    expect(moved).toBeGreaterThanOrEqual(before - 5);
    // The chat changed less than a second ago and the read API has not handed it out at that date yet.
    await batcher.write(fromVisitor('soon'));
    expect(await updatedAt()).toBe(moved);
    // The first answer of the helper always dates a change (answeredAt is in the API); a few ms later, so the dates differ.
    await new Promise((r) => setTimeout(r, 5));
    await batcher.write(fromHelper(helperId, 'first answer'));
    expect(await updatedAt()).toBeGreaterThan(moved);
    expect((await stored()).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('stores texts that array literals would mangle exactly as written (quotes, braces, backslashes, the word NULL, blanks)', async () => {
    const batcher = new MessageBatcher(handle.db);
    const texts = ['NULL', 'a "quoted", {braced} \\ back\\slash', "it's", 'émoji 🎉 ', ' spaced ', 'line\nbreak'];
    const outcomes = await Promise.all(texts.map((text, i) => batcher.write(fromVisitor(`t${i}`, text))));
    expect(outcomes.map((o) => (o.kind === 'stored' ? o.row.text : o.kind))).toEqual(texts);
    expect((await stored()).map((m) => m.text)).toEqual(texts);
  });

  it('answers a retry with the stored message, in the same batch and in a later one, and refuses a reused id with another text', async () => {
    const batcher = new MessageBatcher(handle.db);
    const [first, twin, other] = await Promise.all([
      batcher.write(fromVisitor('same', 'hello')),
      batcher.write(fromVisitor('same', 'hello')),
      batcher.write(fromVisitor('same', 'not hello')),
    ]);
    expect(first).toMatchObject({ kind: 'stored', created: true, row: { seq: 1 } });
    expect(twin).toMatchObject({ kind: 'stored', created: false, row: { seq: 1 } });
    expect(other).toEqual({ kind: 'conflict' });
    expect(await batcher.write(fromVisitor('same', 'hello'))).toMatchObject({ kind: 'stored', created: false, row: { seq: 1 } });
    expect(await batcher.write(fromVisitor('same', 'changed'))).toEqual({ kind: 'conflict' });
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a helper who does not hold the chat and any sender once it is closed, without a gap in seqs', async () => {
    const batcher = new MessageBatcher(handle.db);
    const [mine, notMine] = await Promise.all([batcher.write(fromHelper(helperId, 'h1')), batcher.write(fromHelper(otherHelperId, 'h2'))]);
    expect(mine).toMatchObject({ kind: 'stored', row: { seq: 1 } });
    expect(notMine).toEqual({ kind: 'refused' });
    await handle.db.update(conversations).set({ status: 'closed' }).where(eq(conversations.id, conversationId));
    expect(await batcher.write(fromVisitor('late'))).toEqual({ kind: 'refused' });
    const [c] = await handle.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(c!.lastSeq).toBe(1);
    // The helper's message is the first answer: the chat's first response is when it was stored.
    expect(c!.firstResponseAt).toEqual((mine as Extract<typeof mine, { kind: 'stored' }>).row.createdAt);
  });

  it('keeps each conversation in order while batches of other conversations commit alongside', async () => {
    const batcher = new MessageBatcher(handle.db, 8, 4);
    const second = randomUUID();
    await handle.db.insert(visitors).values({ id: second, siteId });
    const [other] = await handle.db.insert(conversations).values({ siteId, visitorId: second, question: 'q2' }).returning();
    const writes = Array.from({ length: 120 }, (_, i) =>
      batcher.write(i % 3 === 0 ? { ...fromVisitor(`x${i}`), conversationId: other!.id, senderKey: `v:${second}` } : fromVisitor(`y${i}`)),
    );
    await Promise.all(writes);
    const inOrder = async (id: string) =>
      (await handle.db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.seq))).map((m) => Number(m.clientId.slice(1)));
    const mine = await inOrder(conversationId);
    const theirs = await inOrder(other!.id);
    expect(mine).toEqual([...mine].sort((a, b) => a - b));
    expect(theirs).toEqual([...theirs].sort((a, b) => a - b));
    expect(mine.length + theirs.length).toBe(120);
  });

  it('keeps seqs unique when two batchers (two nodes) write to one conversation at once', async () => {
    const a = new MessageBatcher(handle.db);
    const b = new MessageBatcher(handle.db);
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).write(fromVisitor(`n${i}`))));
    expect((await stored()).map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('answers a copy racing its first on another batcher with the stored row, in batches of one and of several', async () => {
    const a = new MessageBatcher(handle.db);
    const b = new MessageBatcher(handle.db);
    for (let round = 0; round < 30; round++) {
      const same = fromVisitor(`same${round}`);
      // Odd rounds: node A's copy shares its batch with two other messages.
      const alongside = round % 2 ? [a.write(fromVisitor(`before${round}`)), a.write(same), a.write(fromVisitor(`after${round}`))] : [a.write(same)];
      const [fromA, fromB] = await Promise.all([Promise.all(alongside).then((o) => o[round % 2 ? 1 : 0]!), b.write(same)]);
      expect(fromA.kind).toBe('stored');
      expect(fromB.kind).toBe('stored');
      if (fromA.kind !== 'stored' || fromB.kind !== 'stored') return;
      expect(fromB.row).toEqual(fromA.row);
      expect([fromA.created, fromB.created].sort()).toEqual([false, true]);
    }
    const rows = await stored();
    expect(rows.map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows.filter((m) => m.clientId.startsWith('same')).map((m) => m.clientId)).toEqual(Array.from({ length: 30 }, (_, i) => `same${i}`));
  });

  it('writes the good messages of a batch when one of them fails', async () => {
    const batcher = new MessageBatcher(handle.db);
    const ghost = randomUUID(); // no such user: the foreign key refuses this row
    const results = await Promise.allSettled([
      batcher.write(fromVisitor('ok1')),
      batcher.write({ ...fromHelper(ghost, 'bad'), authorKind: 'system' }),
      batcher.write(fromVisitor('ok2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await stored()).map((m) => [m.clientId, m.seq])).toEqual([
      ['ok1', 1],
      ['ok2', 2],
    ]);
  });
});
