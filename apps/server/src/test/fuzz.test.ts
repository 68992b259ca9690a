import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ErrorCode, LIMITS, helperCommandSchemas, visitorCommandSchemas, type AckResult } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, login, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/** Generated inputs meet the real server; each property is bounded so the file stays well under a minute. */

const CODES = new Set<string>(Object.values(ErrorCode));
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
type Schemas = Record<string, z.ZodType>;

/** What reaches the server: socket.io sends JSON, so `undefined` becomes null and NaN becomes null. */
const onTheWire = (v: unknown): unknown => JSON.parse(JSON.stringify([v]))[0];

/** A payload of the right shape for an event (ids of things that mostly do not exist), or `{}`. */
function validSample(event: string, siteId: string, userId: string): Record<string, unknown> {
  const id = randomUUID();
  const rules = {
    scoring: { pointsPerChat: 10, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 100, minChatSec: 0 },
    tiers: [{ name: 'All', min: 0 }],
    customBadges: [],
  };
  const samples: Record<string, Record<string, unknown>> = {
    'conversation:start': { clientId: clientId(), text: 'Which size?' },
    'message:send': { conversationId: id, clientId: clientId(), text: 'Hello' },
    'message:sync': { conversationId: id, afterSeq: 0 },
    'page:view': { conversationId: id, page: { url: 'https://shop-a.example/p', title: 'P' } },
    'conversation:rate': { conversationId: id, rating: 'good' },
    'typing:set': { conversationId: id, typing: true },
    'read:update': { conversationId: id, seq: 1 },
    'presence:set': { status: 'available' },
    'feed:post': { siteId, clientId: clientId(), text: 'Hi all' },
    'feed:comment': { postId: id, clientId: clientId(), text: 'Me too' },
    'feed:like': { postId: id, liked: true },
    'feed:moderate': { target: 'post', id, action: 'hide', reason: 'Spam' },
    'feed:pin': { postId: id, pinned: true },
    'feed:ask': { conversationId: id, clientId: clientId(), text: 'Who knows?' },
    'canned:save': { siteId, scope: 'mine', shortcut: 'hi', text: 'Hello!' },
    'canned:delete': { id },
    'profile:get': { siteId, userId },
    'leaderboard:list': { siteId, period: 'all' },
    'rules:save': { siteId, rules },
    'rules:preview': { siteId, rules },
    'points:adjust': { siteId, userId, points: 1, note: 'Fuzz', clientId: clientId() },
    'reward:save': { siteId, name: 'Stickers', description: '', cost: 1, stock: null, active: true },
    'redemption:request': { rewardId: id },
    'redemption:list': { siteId, scope: 'mine' },
    'redemption:decide': { redemptionId: id, action: 'reject', message: 'No' },
    'note:add': { conversationId: id, text: 'A note' },
    'handoff:offer': { conversationId: id, toUserId: userId },
    'handoff:answer': { conversationId: id, accept: true },
    'conversation:needs-staff': { conversationId: id, reason: 'Refund' },
    'conversation:exclude': { conversationId: id, reason: 'Spam' },
    'notification:read': { ids: [id] },
  };
  if (samples[event]) return samples[event];
  const schema = (helperCommandSchemas as Schemas)[event];
  if (schema?.safeParse({ siteId }).success) return { siteId };
  if (schema?.safeParse({ conversationId: id }).success) return { conversationId: id };
  if (schema?.safeParse({ postId: id }).success) return { postId: id };
  return {};
}

const wrongType = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1}}')),
);

/** Values of the right type at their edges: what a schema lets through and the database may not. */
const edgeString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\u202E', '💥'.repeat(500), "'; DROP TABLE users; --", '../../etc/passwd', '%00', '\\'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const edgeNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 5e-324),
  fc.integer(),
);
const edgeOf = (v: unknown): fc.Arbitrary<unknown> =>
  typeof v === 'string' ? edgeString : typeof v === 'number' ? edgeNumber : Array.isArray(v) ? fc.array(edgeString, { maxLength: 3 }) : fc.constant(v);

/** Fields a client must never choose: roles, scores, owners. */
const massAssigned = fc.record({
  key: fc.constantFrom('role', 'siteId', 'points', 'userId', 'helperId', 'status', 'visitorId', 'admin', 'balance', 'id'),
  value: fc.oneof(fc.constant('admin'), fc.constant(1e9), fc.uuid(), fc.anything({ maxDepth: 1 })),
});

/** Deep nesting, kept under `maxFrameBytes` (a bigger frame closes the connection: property 4). */
const deep = fc.oneof(
  fc.integer({ min: 20, max: 1000 }).map((depth) => nest(depth, (v) => ({ a: v }))),
  fc.integer({ min: 20, max: 1000 }).map((depth) => nest(depth, (v) => [v])),
);

function nest(depth: number, wrap: (v: unknown) => unknown): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/** A string beyond every text limit, yet small enough that the frame stays under `maxFrameBytes`. */
const huge = fc.integer({ min: LIMITS.messageText + 1, max: LIMITS.maxFrameBytes - 2000 }).map((n) => 'x'.repeat(n));

const PROTO = '{"__proto__":{"polluted":1,"role":"admin"},"constructor":{"prototype":{"polluted":1}}}';

/** Anything, or a valid payload bent in one hostile way. */
function hostilePayload(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const replaceOne = (value: fc.Arbitrary<unknown>) =>
    keys.length === 0 ? value.map((v) => ({ text: v })) : fc.tuple(fc.nat({ max: keys.length - 1 }), value).map(([i, v]) => ({ ...base, [keys[i]!]: v }));
  return fc.oneof(
    fc.anything(),
    fc.constant(base),
    replaceOne(wrongType),
    ...keys.map((k) => edgeOf(base[k]).map((v) => ({ ...base, [k]: v }))),
    replaceOne(huge),
    replaceOne(deep),
    deep,
    massAssigned.map(({ key, value }) => ({ ...base, [key]: value })),
    fc.constant({ ...base, ...JSON.parse(PROTO) }),
  );
}

/** A command's answer: a result only for a valid payload, otherwise a clear refusal from the closed set. */
function expectClearAnswer(r: AckResult<unknown>, schema: z.ZodType, payload: unknown, event: string): void {
  if (r.ok) {
    expect(schema.safeParse(payload ?? {}).success, `${event} accepted an invalid payload`).toBe(true);
    return;
  }
  expect(CODES.has(r.error.code), `${event}: unknown code ${r.error.code}`).toBe(true);
  expect(r.error.code, `${event}: ${r.error.message}`).not.toBe(ErrorCode.internal);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message).not.toMatch(/\n\s+at /); // no stack trace
}

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).role).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/** The raw WebSocket under a socket.io-client socket, to send frames the client library never would. */
function rawWs(socket: Socket): { send(data: string | Uint8Array): void } {
  return (socket.io.engine.transport as unknown as { ws: { send(data: string | Uint8Array): void } }).ws;
}

/** Resolves with what happened to a socket after a raw frame: closed, or still answering. */
function closedOrAnswering(socket: Socket, check: () => Promise<AckResult<unknown>>): Promise<'closed' | 'answering'> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve('closed');
    const timer = setTimeout(() => reject(new Error('neither closed nor answering within 4 s')), 4000);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve('closed');
    });
    check().then(
      (r) => {
        clearTimeout(timer);
        if (r.ok) resolve('answering');
        else reject(new Error(`still connected but refused a valid command: ${r.error.code}`));
      },
      () => undefined, // the ack never comes when the connection closed: 'disconnect' decides
    );
  });
}

describe.skipIf(!hasPostgres)('hostile input is refused and the server stays unharmed', () => {
  const t = usePostgresServer({ env: () => ({ RATE_LIMIT_FACTOR: '1000' }) });
  let siteId: string;
  let adminId: string;

  const healthy = async () => expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  let identity: { visitorId: string; token: string } | undefined;
  /** A new visitor socket; all share one identity, since minting identities is rate-limited per address. */
  const visitor = async () => {
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A, identity });
    identity = { visitorId: v.visitorId, token: v.token };
    return v;
  };

  beforeAll(async () => {
    const { me } = await login(t.server.url, USERS.adminA.email);
    siteId = me.memberships[0]!.siteId;
    adminId = me.user.id;
  });

  /** Every event of a namespace, each with generated payloads, on one socket that must keep working. */
  async function fuzzEvents(socket: Socket, schemas: Schemas, stillWorks: () => Promise<unknown>, numRuns: number) {
    for (const [event, schema] of Object.entries(schemas)) {
      await fc.assert(
        fc.asyncProperty(hostilePayload(validSample(event, siteId, adminId)), async (generated) => {
          const payload = onTheWire(generated);
          const r = await send(socket, event, payload);
          expectClearAnswer(r, schema, payload, event);
          expect(socket.connected).toBe(true);
          await stillWorks();
          expectNoPollution();
        }),
        { numRuns },
      );
    }
    await healthy();
  }

  it('answers any payload of any visitor event with a clear refusal or a result, never an internal error', async () => {
    const v = await visitor();
    await fuzzEvents(
      v.socket as Socket,
      visitorCommandSchemas,
      async () => {
        expect((await send(v.socket, 'conversation:fetch', {})).ok).toBe(true);
      },
      40,
    );
  });

  it('answers any payload of any helper event, even from an admin, with a clear refusal or a result, never an internal error', async () => {
    for (const who of [USERS.adminA, USERS.helperA1]) {
      const h = await connectHelper(t.server.url, who.email);
      await fuzzEvents(
        h.socket as Socket,
        helperCommandSchemas,
        async () => {
          expect((await send(h.socket, 'presence:list', { siteId })).ok).toBe(true);
        },
        who === USERS.adminA ? 25 : 10,
      );
    }
  });

  it('answers events outside the protocol with an error ack, ignores them without one, and keeps the connection', async () => {
    const v = await visitor();
    const h = await connectHelper(t.server.url, USERS.helperA1.email);
    const known = new Set([...Object.keys(visitorCommandSchemas), ...Object.keys(helperCommandSchemas)]);
    const unknownEvent = fc.string({ minLength: 1, maxLength: 80 }).filter((e) => !known.has(e) && !RESERVED.has(e));
    await fc.assert(
      fc.asyncProperty(unknownEvent, fc.anything(), fc.boolean(), fc.boolean(), async (event, generated, withAck, asHelper) => {
        const socket = (asHelper ? h.socket : v.socket) as Socket;
        const payload = onTheWire(generated);
        if (withAck) {
          const r = await send(socket, event, payload);
          expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.badRequest } });
        } else {
          socket.emit(event, payload);
        }
        const check = asHelper ? send(h.socket, 'presence:list', { siteId }) : send(v.socket, 'conversation:fetch', {});
        expect((await check).ok).toBe(true);
        expectNoPollution();
      }),
      { numRuns: 60 },
    );
    await healthy();
  });

  it('closes or ignores malformed engine.io and socket.io frames, and keeps serving everyone else', async () => {
    const bystander = await visitor();
    const valid = '42/visitor,7["conversation:fetch",{}]';
    const frame = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `4${s}`), // an engine.io message with a garbage socket.io packet
      fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)), // truncated packets
      fc.constantFrom(
        '42/visitor,["__proto__",{}]',
        '42/visitor,1[{"a":1}]',
        '42/helper,["queue:list",{}]',
        '40/helper,{}',
        '451-/visitor,["x",{"_placeholder":true,"num":9}]',
        '4',
        '0',
        '1',
        '6',
        '5',
        '3probe',
      ),
      fc.uint8Array({ maxLength: 200 }), // binary junk
    );
    await fc.assert(
      fc.asyncProperty(frame, async (data) => {
        const v = await visitor();
        rawWs(v.socket as Socket).send(data);
        await closedOrAnswering(v.socket as Socket, () => send(v.socket, 'conversation:fetch', {}));
        expect((await send(bystander.socket, 'conversation:fetch', {})).ok).toBe(true);
        v.socket.disconnect();
      }),
      { numRuns: 30 }, // each run opens a connection: the server allows 60 a minute per address
    );
    await healthy();
  });

  it('closes a connection that sends a frame above maxHttpBufferSize, and keeps serving everyone else', async () => {
    const bystander = await visitor();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: LIMITS.maxFrameBytes + 1, max: LIMITS.maxFrameBytes * 4 }), fc.boolean(), async (size, binary) => {
        const v = await visitor();
        const closed = new Promise<void>((resolve) => v.socket.once('disconnect', () => resolve()));
        rawWs(v.socket as Socket).send(binary ? new Uint8Array(size) : `42/visitor,["message:send",{"text":"${'x'.repeat(size)}"}]`);
        await closed;
        expect((await send(bystander.socket, 'conversation:fetch', {})).ok).toBe(true);
      }),
      { numRuns: 5 },
    );
    await healthy();
  });

  it('answers arbitrary JSON bodies of the JSON routes with a 4xx error body or a result, never a 5xx', async () => {
    const admin = await login(t.server.url, USERS.adminA.email);
    const helper = await login(t.server.url, USERS.helperA1.email);
    const routes = [
      { method: 'POST', path: '/api/auth/login', session: null },
      { method: 'PATCH', path: '/api/profile', session: helper },
      { method: 'POST', path: '/api/join/shop-a', session: null },
      { method: 'PATCH', path: `/api/sites/${siteId}/settings`, session: admin },
    ] as const;
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(
        PROTO,
        '{"email":{"__proto__":{"polluted":1}},"password":"x"}',
        '{"displayName":"A","__proto__":{"role":"admin"}}',
        '{"texts":{"__proto__":{"polluted":1}}}',
        '{"settings":{"constructor":{"prototype":{"polluted":1}}}}',
        '{"displayName":"A\\u0000B"}',
        '{"name":"\\u0000","email":"a@b.example","languages":["en"],"why":"\\u0000 because I like it"}',
        '{"name":"Shop\\u0000A"}',
        '{"email":"a\\u0000@b.example","password":"x"}',
        '{"displayName":"x\\udfffy"}',
        '{"name":"Shop \\ud83d"}',
      ),
      fc.string({ maxLength: 100 }), // not JSON at all
      deep.map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (route, text) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', origin: t.server.url };
        if (route.session) Object.assign(headers, { cookie: route.session.cookie, 'x-csrf-token': route.session.me.csrfToken });
        const res = await fetch(`${t.server.url}${route.path}`, { method: route.method, headers, body: text });
        expect(res.status, `${route.method} ${route.path} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const json = (await res.json()) as { error: { code: string; message: string } };
          expect(CODES.has(json.error.code)).toBe(true);
          expect(json.error.code).not.toBe(ErrorCode.internal);
          expect(typeof json.error.message).toBe('string');
        } else {
          await res.arrayBuffer();
        }
        expectNoPollution();
      }),
      { numRuns: 120 },
    );
    await healthy();
  });
});
