import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { io } from 'socket.io-client';
import { memberships, sites, users } from '@tribu/db';
import { ErrorCode, PROTOCOL_VERSION, type Conversation } from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { clientId, connected, connectVisitor, login, next, ok, send, type HelperSocket } from './support/clients.ts';
import { ORIGIN_A, PASSWORD } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

const HELPERS = 100;
const email = (i: number) => `racer${i}@test.tribu`;

interface Racer {
  socket: HelperSocket;
  userId: string;
}

/**
 * A helper signed in on `base` whose sockets come, as far as per-address limits go, from their own
 * machine behind the balancer (X-Forwarded-For, trusted with TRUST_PROXY): 100 people, 100 addresses.
 */
async function racer(base: string, i: number): Promise<Racer> {
  const { cookie, me } = await login(base, email(i), PASSWORD);
  const socket: HelperSocket = io(`${base}/helper`, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: new URL(base).origin, 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` },
    auth: { protocolVersion: PROTOCOL_VERSION },
    reconnection: false,
    forceNew: true,
  });
  await connected(socket);
  return { socket, userId: me.user.id };
}

/** The conversation's status and helper as stored, read straight from Postgres. */
async function stored(dbUrl: string, id: string): Promise<{ status: string; helperId: string | null }> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ status: string; helper_id: string | null }>('select status, helper_id from conversations where id = $1', [id]);
    return { status: rows[0]!.status, helperId: rows[0]!.helper_id };
  } finally {
    await c.end();
  }
}

/** waiting ⇒ nobody on it; active ⇒ exactly one of the helpers who raced; closed stays closed. */
function expectLegal(s: { status: string; helperId: string | null }, racing: string[]) {
  if (s.status === 'waiting') expect(s.helperId).toBeNull();
  else if (s.status === 'active') expect(racing).toContain(s.helperId);
  else expect(s.status).toBe('closed');
}

describe.skipIf(!hasPostgres || !hasRedis)('claims racing across two nodes', () => {
  const nodes = useTwoNodes(
    async (db, { siteA }) => {
      const passwordHash = await hashPassword(PASSWORD);
      const rows = await db
        .insert(users)
        .values(Array.from({ length: HELPERS }, (_, i) => ({ email: email(i), displayName: `Racer ${i}`, passwordHash })))
        .returning({ id: users.id });
      await db.insert(memberships).values(rows.map((r) => ({ userId: r.id, siteId: siteA, role: 'helper' as const })));
      // The same helpers win several rounds: the cap must not be what refuses them.
      await db
        .update(sites)
        .set({ settings: { chatCap: 50 } })
        .where(eq(sites.id, siteA));
    },
    { TRUST_PROXY: 'true' },
  );
  const racers: Racer[] = [];

  beforeAll(async () => {
    // Half on each node; a few sign-ins at a time (argon2 is deliberately slow).
    for (let i = 0; i < HELPERS; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => racer((i + k) % 2 === 0 ? nodes.a.url : nodes.b.url, i + k)));
      racers.push(...batch);
    }
  }, 60_000);
  afterAll(() => {
    for (const r of racers) r.socket.disconnect();
  });

  const db = () => nodes.databaseUrl;

  async function waitingRequest(question: string) {
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const seen = Promise.all(racers.map((r) => next(r.socket, 'queue:added', (q: { question: string }) => q.question === question)));
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: question,
    });
    await seen;
    return { visitor, conversation };
  }

  it('lets exactly one of 100 helpers on two nodes win each of 3 requests, and takes the card off every board', async () => {
    for (let round = 0; round < 3; round++) {
      const { conversation } = await waitingRequest(`Race ${round}?`);
      const removed = racers.map((r) => next<{ conversationId: string }>(r.socket, 'queue:removed', (x) => x.conversationId === conversation.id));
      const results = await Promise.all(racers.map((r) => send(r.socket, 'conversation:claim', { conversationId: conversation.id })));

      const winners = results.flatMap((r, i) => (r.ok ? [racers[i]!] : []));
      expect(winners).toHaveLength(1);
      const refusals = results.filter((r) => !r.ok);
      expect(refusals).toHaveLength(HELPERS - 1);
      for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.alreadyClaimed } });

      expect(await stored(db(), conversation.id)).toEqual({ status: 'active', helperId: winners[0]!.userId });
      await Promise.all(removed);
    }
  });

  it("ends a claim racing the visitor's close in a legal state, every time", async () => {
    for (let round = 0; round < 6; round++) {
      const { visitor, conversation } = await waitingRequest(`Close race ${round}?`);
      const claimers = [racers[round * 2]!, racers[round * 2 + 1]!]; // one on A, one on B
      const [end, ...claims] = await Promise.all([
        send(visitor.socket, 'conversation:end', { conversationId: conversation.id }),
        ...claimers.map((h) => send(h.socket, 'conversation:claim', { conversationId: conversation.id })),
      ]);
      // The close always succeeds (a waiting or active chat can be ended); at most one claim wins.
      expect(end.ok).toBe(true);
      expect(claims.filter((c) => c.ok).length).toBeLessThanOrEqual(1);
      const s = await stored(db(), conversation.id);
      expectLegal(
        s,
        claimers.map((h) => h.userId),
      );
      expect(s.status).toBe('closed');
    }
  });

  it('ends a release racing a claim in a legal state, every time', async () => {
    for (let round = 0; round < 6; round++) {
      const { conversation } = await waitingRequest(`Release race ${round}?`);
      const holder = racers[20 + round * 3]!;
      const others = [racers[21 + round * 3]!, racers[22 + round * 3]!];
      await ok(holder.socket, 'conversation:claim', { conversationId: conversation.id });
      const [release, ...claims] = await Promise.all([
        send<{ conversation: Conversation }>(holder.socket, 'conversation:release', { conversationId: conversation.id }),
        ...others.map((h) => send(h.socket, 'conversation:claim', { conversationId: conversation.id })),
      ]);
      expect(release.ok).toBe(true);
      const winners = claims.flatMap((c, i) => (c.ok ? [others[i]!.userId] : []));
      expect(winners.length).toBeLessThanOrEqual(1);
      for (const c of claims) if (!c.ok) expect(c.error.code).toBe(ErrorCode.alreadyClaimed);
      const s = await stored(db(), conversation.id);
      expectLegal(
        s,
        [holder, ...others].map((h) => h.userId),
      );
      // Whoever the database shows is the one claim that was acknowledged, or nobody.
      expect(s).toEqual(winners.length ? { status: 'active', helperId: winners[0] } : { status: 'waiting', helperId: null });
    }
  });
});
