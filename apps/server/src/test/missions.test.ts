import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createDb, missionParticipants, missions, pointsLedger, sites, users } from '@tribu/db';
import type { BadgeEarned, Mission, MissionDetail, MissionEvidence, MissionProgressed, MissionSave, PointsAwarded } from '@tribu/protocol';
import { startSecondNode, usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, next, ok, send, signedInCaller, type HelperSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

const DAY = 86_400_000;
const BADGE = { key: 'custom-sizing-hero', name: 'Sizing hero', description: 'Finished a mission', metric: 'mentoredNewcomers', target: 100_000 };
/** Test chats last milliseconds: counted from 0 s; and a badge only a mission gives. */
const SETTINGS = sql`${sites.settings} || ${JSON.stringify({ chatCap: 2, scoring: { minChatSec: 0 }, customBadges: [BADGE] })}::jsonb`;

const mission = (siteId: string, over: Partial<MissionSave> = {}): MissionSave => ({
  siteId,
  title: 'Two answers this week',
  why: 'The queue is long on weekdays.',
  startsAt: new Date(Date.now() - DAY).toISOString(),
  endsAt: new Date(Date.now() + 7 * DAY).toISOString(),
  scope: 'individual',
  goal: { kind: 'chats', target: 2 },
  rewardPoints: 25,
  rewardBadge: null,
  ...over,
});

/** A visitor of shop-a asks on `base`, the helper's socket takes it and answers, the visitor replies. */
async function answered(base: string, helper: HelperSocket, question: string) {
  const visitor = await connectVisitor(base, { siteKey: 'shop-a', origin: ORIGIN_A });
  const { conversation } = await ok<{ conversation: { id: string } }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: question });
  await ok(helper, 'conversation:claim', { conversationId: conversation.id });
  await ok(helper, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Here is how.' });
  await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Thanks!' });
  return { id: conversation.id, visitor: visitor.socket };
}

describe.skipIf(!hasPostgres)('missions (Postgres)', () => {
  const t = usePostgresServer();
  let mo: HelperSocket;
  let siteId: string;

  beforeAll(async () => {
    await t.server.db.db.update(sites).set({ settings: SETTINGS }).where(eq(sites.id, t.server.sites.siteA));
    const m = await connectHelper(t.server.url, USERS.moderatorA.email);
    mo = m.socket;
    siteId = m.siteId;
  });

  const rewardRows = (missionId: string) =>
    t.server.db.db
      .select()
      .from(pointsLedger)
      .where(like(pointsLedger.idempotencyKey, `mission:${missionId}:%`));

  it("moves a joined helper's bar live with each answered chat, and gives the points and the badge once", async () => {
    const { mission: m } = await ok<{ mission: Mission }>(mo, 'mission:save', mission(siteId, { rewardBadge: BADGE.key }));
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const joined = await ok<{ mission: Mission }>(ada.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    expect(joined.mission).toMatchObject({ me: { state: 'joined', current: 0, completedAt: null }, current: 0, target: 2, participants: 1 });

    const first = await answered(t.server.url, ada.socket, 'Is it waterproof?');
    const moved = next<MissionProgressed>(ada.socket, 'mission:progressed');
    await ok(ada.socket, 'conversation:end', { conversationId: first.id });
    expect(await moved).toEqual({ siteId, missionId: m.id, current: 1, target: 2, completedAt: null });

    const second = await answered(t.server.url, ada.socket, 'Does it come in blue?');
    const done = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === m.id && p.completedAt !== null);
    const points = next<PointsAwarded>(ada.socket, 'points:awarded', (p) => p.entries.some((e) => e.reason === 'mission'));
    const badge = next<BadgeEarned>(ada.socket, 'badge:earned', (b) => b.badge.key === BADGE.key);
    await ok(ada.socket, 'conversation:end', { conversationId: second.id });
    expect(await done).toMatchObject({ current: 2, target: 2 });
    expect((await points).entries).toEqual([{ reason: 'mission', points: 25 }]);
    expect((await badge).badge).toEqual({ key: BADGE.key, name: 'Sizing hero', description: 'Finished a mission' });

    // Scored again (a retried close, a rating): nothing more is given.
    await t.server.scoreChat(second.id);
    const rows = await rewardRows(m.id);
    expect(rows.map((r) => [r.points, r.reason, r.note])).toEqual([[25, 'mission', 'Two answers this week']]);
    const { missions: open } = await ok<{ missions: Mission[] }>(ada.socket, 'mission:list', { siteId, scope: 'open' });
    expect(open.find((x) => x.id === m.id)?.me).toMatchObject({ state: 'joined', current: 2 });
  });

  it('completes once when many nodes count the same chat at the same moment', async () => {
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    const chat = await answered(t.server.url, ben.socket, 'Which size for 1.80 m?');
    await ok(ben.socket, 'conversation:end', { conversationId: chat.id });
    await t.server.scoreChat(chat.id);
    // Ben had joined before the chat was counted: every node that scores it now finds the mission due.
    const { mission: m } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      mission(siteId, { title: 'One answer', goal: { kind: 'chats', target: 1 }, rewardPoints: 40 }),
    );
    await t.server.db.db.insert(missionParticipants).values({ missionId: m.id, userId: ben.me.user.id, state: 'joined' });
    const second = await startSecondNode(t.server);
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? second.scoreChat(chat.id) : t.server.scoreChat(chat.id))));
    } finally {
      await second.close();
    }
    expect((await rewardRows(m.id)).map((r) => [r.userId, r.points])).toEqual([[ben.me.user.id, 40]]);
    const [p] = await t.server.db.db.select().from(missionParticipants).where(eq(missionParticipants.missionId, m.id));
    expect([p!.progress, p!.completedAt !== null]).toEqual([1, true]);
  });

  it('counts feed tips and 4–5 star ratings, from the moment the helper joins', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const { mission: tips } = await ok<{ mission: Mission }>(mo, 'mission:save', mission(siteId, { title: 'Share tips', goal: { kind: 'tips', target: 3 } }));
    await ok(ada.socket, 'feed:post', { siteId, clientId: clientId(), text: 'Tip: the size chart runs small.' });
    // The post before joining counts too (the period started yesterday).
    const { mission: joined } = await ok<{ mission: Mission }>(ada.socket, 'mission:respond', { missionId: tips.id, response: 'join' });
    expect(joined.current).toBe(1);
    const moved = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === tips.id);
    const { post } = await ok<{ post: { id: string } }>(ada.socket, 'feed:post', { siteId, clientId: clientId(), text: 'Tip: wash at 30°.' });
    expect(await moved).toMatchObject({ current: 2, target: 3, completedAt: null });
    // A tip a moderator takes down no longer counts.
    const down = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === tips.id);
    await ok(mo, 'feed:moderate', { target: 'post', id: post.id, action: 'hide', reason: 'Off topic' });
    expect(await down).toMatchObject({ current: 1, target: 3 });

    const { mission: rated } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      mission(siteId, { title: 'Happy visitors', goal: { kind: 'good_ratings', target: 5 } }),
    );
    await ok(ada.socket, 'mission:respond', { missionId: rated.id, response: 'join' });
    const chat = await answered(t.server.url, ada.socket, 'Can I return it?');
    await ok(ada.socket, 'conversation:end', { conversationId: chat.id });
    const ratedMoved = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === rated.id && p.current === 1);
    await ok(chat.visitor, 'conversation:rate', { conversationId: chat.id, rating: 4 });
    expect(await ratedMoved).toMatchObject({ current: 1, target: 5 });
  });

  it("counts only chats answered in a mission's hour-of-week slot (site time, here UTC)", async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    const save = (title: string, weekday: number) =>
      ok<{ mission: Mission }>(
        mo,
        'mission:save',
        mission(siteId, { title, startsAt: new Date().toISOString(), goal: { kind: 'chats', target: 3, slot: { weekday, fromHour: 0, toHour: 24 } } }),
      );
    const { mission: now } = await save('Today, all day', today);
    const { mission: other } = await save('Another day', (today % 7) + 1);
    await ok(ada.socket, 'mission:respond', { missionId: now.id, response: 'join' });
    await ok(ada.socket, 'mission:respond', { missionId: other.id, response: 'join' });
    const chat = await answered(t.server.url, ada.socket, 'Open on Sundays?');
    const moved = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === now.id && p.current === 1);
    await ok(ada.socket, 'conversation:end', { conversationId: chat.id });
    await moved;
    const { missions: open } = await ok<{ missions: Mission[] }>(ada.socket, 'mission:list', { siteId, scope: 'open' });
    expect([now.id, other.id].map((id) => open.find((m) => m.id === id)?.me?.current)).toEqual([1, 0]);
    const bad = await send(mo, 'mission:save', mission(siteId, { goal: { kind: 'chats', target: 1, slot: { weekday: 1, fromHour: 20, toHour: 18 } } }));
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
  });

  it('counts a rating given after the end for a chat of the period', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const { mission: m } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      mission(siteId, { title: 'One happy visitor', startsAt: new Date().toISOString(), goal: { kind: 'good_ratings', target: 1 } }),
    );
    await ok(ada.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    const chat = await answered(t.server.url, ada.socket, 'Is the hood removable?');
    await ok(ada.socket, 'conversation:end', { conversationId: chat.id });
    // The period ends now: the chat was in it, its rating comes after.
    await t.server.db.db
      .update(missions)
      .set({ endsAt: sql`now()` })
      .where(eq(missions.id, m.id));
    const done = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === m.id && p.completedAt !== null);
    await ok(chat.visitor, 'conversation:rate', { conversationId: chat.id, rating: 5 });
    expect(await done).toMatchObject({ current: 1, target: 1 });
    expect((await rewardRows(m.id)).map((r) => r.points)).toEqual([25]);
  });

  it('shares a community counter among those who joined; "not for me" is one click and is never counted', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    const { mission: m } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      // From now: the tips of earlier tests do not count.
      mission(siteId, {
        title: 'Together, 2 tips',
        startsAt: new Date().toISOString(),
        scope: 'community',
        goal: { kind: 'tips', target: 2 },
        rewardPoints: 5,
      }),
    );
    await ok(ada.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    const { mission: ignored } = await ok<{ mission: Mission }>(ben.socket, 'mission:respond', { missionId: m.id, response: 'ignore' });
    expect(ignored).toMatchObject({ me: { state: 'ignored' }, participants: 1 });
    let benHeard = 0;
    ben.socket.on('mission:progressed', () => benHeard++);
    await ok(ben.socket, 'feed:post', { siteId, clientId: clientId(), text: 'Tip from Ben' });
    const done = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === m.id && p.completedAt !== null);
    await ok(ada.socket, 'feed:post', { siteId, clientId: clientId(), text: 'Tip from Ada' });
    await ok(ada.socket, 'feed:post', { siteId, clientId: clientId(), text: 'Another tip from Ada' });
    expect(await done).toMatchObject({ current: 2, target: 2 });
    expect((await rewardRows(m.id)).map((r) => r.userId)).toEqual([ada.me.user.id]);
    expect(benHeard).toBe(0);
  });

  it('completes a mission a person checks when a manager approves the evidence, and not on a rejection', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const { mission: m } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      mission(siteId, { title: 'Write the sizing guide', goal: { kind: 'checked', target: 1 }, rewardPoints: 30 }),
    );
    const early = await send(ada.socket, 'evidence:submit', { missionId: m.id, link: 'https://docs.example/guide' });
    expect(early).toEqual({ ok: false, error: { code: 'invalid_state', message: 'Join the mission first' } });
    await ok(ada.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    const told = next<{ siteId: string; missionId: string }>(mo, 'mission:evidence');
    const { evidence: weak } = await ok<{ evidence: MissionEvidence }>(ada.socket, 'evidence:submit', { missionId: m.id, text: 'Started it' });
    expect(await told).toEqual({ siteId, missionId: m.id });
    const { evidence: good } = await ok<{ evidence: MissionEvidence }>(ada.socket, 'evidence:submit', { missionId: m.id, link: 'https://docs.example/guide' });
    await ok(mo, 'evidence:decide', { evidenceId: weak.id, action: 'reject', note: 'Not finished yet' });
    expect(await rewardRows(m.id)).toEqual([]);
    const done = next<MissionProgressed>(ada.socket, 'mission:progressed', (p) => p.missionId === m.id && p.completedAt !== null);
    await ok(mo, 'evidence:decide', { evidenceId: good.id, action: 'approve' });
    expect(await done).toMatchObject({ current: 1, target: 1 });
    const again = await send(mo, 'evidence:decide', { evidenceId: good.id, action: 'reject' });
    expect(again).toEqual({ ok: false, error: { code: 'invalid_state', message: 'Already decided' } });
    const detail = await ok<MissionDetail>(mo, 'mission:detail', { missionId: m.id });
    expect(detail.participants.map((p) => [p.displayName, p.state, p.current, p.completedAt !== null])).toEqual([['Ada', 'joined', 1, true]]);
    expect(detail.evidence.map((e) => [e.link, e.text, e.status, e.note])).toEqual([
      ['https://docs.example/guide', null, 'approved', null],
      [null, 'Started it', 'rejected', 'Not finished yet'],
    ]);
    expect((await rewardRows(m.id)).map((r) => r.points)).toEqual([30]);
  });

  it("puts the helper's missions and evidence in their data export", async () => {
    const call = signedInCaller(() => t.server.url);
    const res = await call<{ missions: { joined: { title: string; state: string }[]; evidence: { text: string | null; status: string }[] } }>(
      'helperA1',
      'GET',
      '/api/profile/export',
    );
    expect(res.status).toBe(200);
    expect(res.data.missions.joined.find((j) => j.title === 'Write the sizing guide')).toMatchObject({ state: 'joined' });
    expect(res.data.missions.evidence.map((e) => [e.text, e.status]).sort()).toEqual([
      [null, 'approved'],
      ['Started it', 'rejected'],
    ]);
  });

  it('closes a mission: it leaves the open list and nothing more counts', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const { mission: m } = await ok<{ mission: Mission }>(
      mo,
      'mission:save',
      mission(siteId, { title: 'Short one', startsAt: new Date().toISOString(), goal: { kind: 'tips', target: 5 } }),
    );
    await ok(ada.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    const changed = next<{ siteId: string }>(ada.socket, 'missions:changed');
    const { mission: closed } = await ok<{ mission: Mission }>(mo, 'mission:close', { missionId: m.id });
    expect([closed.status, await changed]).toEqual(['closed', { siteId }]);
    const { missions: open } = await ok<{ missions: Mission[] }>(ada.socket, 'mission:list', { siteId, scope: 'open' });
    expect(open.map((x) => x.id)).not.toContain(m.id);
    await ok(ada.socket, 'feed:post', { siteId, clientId: clientId(), text: 'A late tip' });
    const [p] = await t.server.db.db
      .select()
      .from(missionParticipants)
      .where(and(eq(missionParticipants.missionId, m.id)));
    expect(p!.progress).toBe(0);
    const late = await send(ada.socket, 'mission:respond', { missionId: m.id, response: 'ignore' });
    expect(late).toEqual({ ok: false, error: { code: 'invalid_state', message: 'This mission is over' } });
  });

  it("answers another site's mission as missing, even to a manager, and refuses a badge the site does not have", async () => {
    const [bee] = await t.server.db.db.select().from(users).where(eq(users.email, USERS.helperB1.email));
    const [other] = await t.server.db.db
      .insert(missions)
      .values({
        siteId: t.server.sites.siteB,
        title: 'Shop-b only',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + DAY),
        scope: 'individual',
        goal: { kind: 'tips', target: 1 },
        rewardPoints: 1,
        createdById: bee!.id,
      })
      .returning();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const event of ['mission:detail', 'mission:close'] as const) {
      const r = await send(mo, event, { missionId: other!.id });
      expect([event, r]).toEqual([event, { ok: false, error: { code: 'not_found', message: 'Mission not found' } }]);
      expect(await send(mo, event, { missionId: missing })).toEqual(r);
    }
    const edit = await send(mo, 'mission:save', { ...mission(siteId), missionId: other!.id });
    expect(edit).toEqual({ ok: false, error: { code: 'not_found', message: 'Mission not found' } });
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    expect(await send(ada.socket, 'mission:respond', { missionId: other!.id, response: 'join' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Mission not found' },
    });
    const badBadge = await send(mo, 'mission:save', mission(siteId, { rewardBadge: 'custom-nope' }));
    expect(badBadge).toEqual({ ok: false, error: { code: 'bad_request', message: 'No such badge on this site' } });
    const byHelper = await send(ada.socket, 'mission:save', mission(siteId));
    expect(byHelper).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only community managers can do that' } });
  });
});

describe.skipIf(!hasPostgres || !hasRedis)('missions on two server processes', () => {
  const nodes = useTwoNodes(async (db, { siteA }) => {
    await db.update(sites).set({ settings: SETTINGS }).where(eq(sites.id, siteA));
  });

  it('completes a mission exactly once when two chats end at the same moment on two nodes', async () => {
    const mo = await connectHelper(nodes.a.url, USERS.moderatorA.email);
    const { mission: m } = await ok<{ mission: Mission }>(mo.socket, 'mission:save', mission(mo.siteId, { rewardPoints: 50 }));
    // Ada has a tab on each node; each node takes one of her chats.
    const onA = await connectHelper(nodes.a.url, USERS.helperA1.email);
    const onB = await connectHelper(nodes.b.url, USERS.helperA1.email);
    await ok(onA.socket, 'mission:respond', { missionId: m.id, response: 'join' });
    const chatA = await answered(nodes.a.url, onA.socket, 'Shipping to Norway?');
    const chatB = await answered(nodes.b.url, onB.socket, 'Shipping to Iceland?');
    // Both tabs hear the completion, whichever node completed it.
    const doneOnA = next<MissionProgressed>(onA.socket, 'mission:progressed', (p) => p.completedAt !== null);
    const doneOnB = next<MissionProgressed>(onB.socket, 'mission:progressed', (p) => p.completedAt !== null);
    await Promise.all([ok(onA.socket, 'conversation:end', { conversationId: chatA.id }), ok(onB.socket, 'conversation:end', { conversationId: chatB.id })]);
    expect([(await doneOnA).current, (await doneOnB).current]).toEqual([2, 2]);

    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    try {
      const rows = await db.db.select().from(pointsLedger).where(eq(pointsLedger.reason, 'mission'));
      expect(rows.map((r) => [r.idempotencyKey, r.points])).toEqual([[`mission:${m.id}:${onA.me.user.id}`, 50]]);
    } finally {
      await db.close();
    }
  });
});
