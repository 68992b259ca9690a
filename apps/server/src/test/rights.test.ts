import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, helperCommandSchemas, type AckResult, type HelperClientEvents, type Notification } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, next, ok, refusal, send, type HelperSocket } from './support/clients.ts';
import { fingerprint } from './support/fingerprint.ts';
import { USERS } from './support/fixtures.ts';
import { buildRightsWorld, type RightsWorld } from './support/rights-world.ts';
import { hasPostgres } from './support/services.ts';

type Command = keyof HelperClientEvents;
type Payload<K extends Command> = Parameters<HelperClientEvents[K]>[0];

/**
 * Who is refused:
 *  - `outsider`: a helper of another site (shop-b), about shop-a's things;
 *  - `notHolder`: a helper of shop-a, about a chat they don't hold or an item that is not theirs;
 *  - `helper`: a helper of shop-a, where a manager is needed;
 *  - `manager` (a manager of shop-a) and `holder` (Ada, who holds the chat): about shop-b's things,
 *    named through a command that also names shop-a or Ada's chat.
 * (No helper command needs an admin; the admins' routes are in route-rights.test.ts.)
 */
type Refused = 'outsider' | 'notHolder' | 'helper' | 'manager' | 'holder';

interface World extends RightsWorld {
  /** Ada's notifications (a refused `notification:read` must leave them unread). */
  notificationIds: string[];
}

/** One refusal: who is turned away, and how. */
interface Refusal {
  who: Refused;
  /** `not_found` must also answer exactly as for a thing that never existed; `ignored`: it answers, and changes nothing. */
  code: 'not_found' | 'forbidden' | 'ignored';
}

/** A payload aimed at the world's real things, and who must be refused it. */
interface RightsCase<K extends Command> {
  payload: (w: World) => Payload<K>;
  refused: readonly [Refusal, ...Refusal[]];
}

/**
 * Every helper command, by construction: a command added to `HelperClientEvents` without its case
 * here fails the typecheck (and the run, through the server's own command list), and each payload is
 * checked against its command's type. A command either names who it refuses, or says why it has
 * nobody to refuse (`self`: it acts on the caller alone).
 */
type Cases = { [K in Command]: RightsCase<K> | readonly [RightsCase<K>, ...RightsCase<K>[]] | { self: string } };

const OUTSIDER: Refusal = { who: 'outsider', code: 'not_found' };
const NOT_HOLDER: Refusal = { who: 'notHolder', code: 'not_found' };
const HELPER: Refusal = { who: 'helper', code: 'forbidden' };
/** Any member of the site. */
const MEMBER = [OUTSIDER] as const;
/** Managers of the site. */
const MANAGER = [OUTSIDER, HELPER] as const;
/** Whoever may read the chat (its helper, the site's managers), or owns the item. */
const READER = [OUTSIDER, NOT_HOLDER] as const;
/** Shop-b's things, named by someone with every right on shop-a's. */
const CROSS_SITE = [{ who: 'manager', code: 'not_found' }] as const;

const RULES = { pointsPerChat: 100, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 100, minChatSec: 0 };
const RULESET = { scoring: RULES, tiers: [{ name: 'All', min: 0 }], customBadges: [] };

const CASES: Cases = {
  // The board and the desk.
  'queue:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'conversation:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  // On the board for every helper of the site (a taken chat answers "already claimed" to them).
  'conversation:claim': { payload: (w) => ({ conversationId: w.conversationId }), refused: MEMBER },
  'conversation:fetch': [
    { payload: (w) => ({ conversationId: w.conversationId }), refused: READER },
    { payload: (w) => ({ conversationId: w.b.conversationId }), refused: CROSS_SITE },
  ],
  'message:send': { payload: (w) => ({ conversationId: w.conversationId, clientId: clientId(), text: 'Let me in' }), refused: READER },
  'message:sync': { payload: (w) => ({ conversationId: w.conversationId, afterSeq: 0 }), refused: READER },
  'conversation:end': { payload: (w) => ({ conversationId: w.conversationId }), refused: READER },
  'conversation:release': { payload: (w) => ({ conversationId: w.conversationId }), refused: READER },
  'typing:set': { payload: (w) => ({ conversationId: w.conversationId, typing: true }), refused: READER },
  'read:update': { payload: (w) => ({ conversationId: w.conversationId, seq: 1 }), refused: READER },
  'presence:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'presence:set': { self: "the caller's own status" },
  'conversation:details': { payload: (w) => ({ conversationId: w.conversationId }), refused: READER },
  'note:add': { payload: (w) => ({ conversationId: w.conversationId, text: 'A note' }), refused: READER },
  'canned:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'canned:save': [
    { payload: (w) => ({ siteId: w.siteId, scope: 'mine', shortcut: 'hello', text: 'Hello!' }), refused: MEMBER },
    // The site's shared answers are the managers'.
    { payload: (w) => ({ siteId: w.siteId, scope: 'site', shortcut: 'hello', text: 'Hello!' }), refused: [HELPER] },
    // So are its versions in other languages.
    { payload: (w) => ({ siteId: w.siteId, scope: 'site', shortcut: 'hola', text: 'Hello!', translations: { fr: { text: 'Bonjour !' } } }), refused: [HELPER] },
  ],
  // Another helper's personal answer is theirs alone.
  'canned:delete': { payload: (w) => ({ id: w.cannedId }), refused: READER },
  'handoff:offer': [
    { payload: (w) => ({ conversationId: w.conversationId, toUserId: w.userId }), refused: READER },
    // Ada's own chat, offered to a helper of another site.
    { payload: (w) => ({ conversationId: w.conversationId, toUserId: w.b.userId }), refused: [{ who: 'holder', code: 'not_found' }] },
  ],
  'handoff:answer': { payload: (w) => ({ conversationId: w.conversationId, accept: true }), refused: READER },
  'handoff:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'handoff:cancel': { payload: (w) => ({ conversationId: w.conversationId }), refused: READER },
  'conversation:needs-staff': { payload: (w) => ({ conversationId: w.conversationId, reason: 'Refund' }), refused: READER },
  // The staff queue does not exist for helpers (desk/handoff.service.ts): "not found", not "forbidden".
  'staff:list': { payload: (w) => ({ siteId: w.siteId }), refused: [OUTSIDER, { who: 'helper', code: 'not_found' }] },

  // The feed.
  'feed:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'feed:post': [
    { payload: (w) => ({ siteId: w.siteId, clientId: clientId(), text: 'Hello from outside' }), refused: MEMBER },
    // An announcement, in other languages too, is the managers'.
    {
      payload: (w) => ({ siteId: w.siteId, clientId: clientId(), text: 'News', announcement: true, translations: { fr: { text: 'Nouvelles' } } }),
      refused: MANAGER,
    },
  ],
  'feed:ask': { payload: (w) => ({ conversationId: w.conversationId, clientId: clientId(), text: 'Who knows?' }), refused: READER },
  'feed:comment': { payload: (w) => ({ postId: w.postId, clientId: clientId(), text: 'Me too' }), refused: MEMBER },
  'feed:comments': { payload: (w) => ({ postId: w.postId }), refused: MEMBER },
  'feed:like': { payload: (w) => ({ postId: w.postId, liked: true }), refused: MEMBER },
  'feed:moderate': [
    { payload: (w) => ({ target: 'post', id: w.postId, action: 'hide', reason: 'Spam' }), refused: MANAGER },
    { payload: (w) => ({ target: 'comment', id: w.commentId, action: 'delete', reason: 'Spam' }), refused: MANAGER },
  ],
  'feed:pin': [
    { payload: (w) => ({ postId: w.postId, pinned: true }), refused: MANAGER },
    { payload: (w) => ({ postId: w.b.postId, pinned: true }), refused: CROSS_SITE },
  ],

  // The community.
  'profile:get': [
    { payload: (w) => ({ siteId: w.siteId, userId: w.userId }), refused: MEMBER },
    { payload: (w) => ({ siteId: w.siteId, userId: w.b.userId }), refused: CROSS_SITE },
  ],
  'members:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'notification:list': { self: "the caller's own notifications" },
  // Someone else's notification ids are passed over: only the caller's own are ever marked.
  'notification:read': { payload: (w) => ({ ids: w.notificationIds }), refused: [{ who: 'notHolder', code: 'ignored' }] },

  // Recognition.
  'gamification:summary': [
    { payload: (w) => ({ siteId: w.siteId, userId: w.userId }), refused: MEMBER },
    { payload: (w) => ({ siteId: w.siteId, userId: w.b.userId }), refused: CROSS_SITE },
  ],
  'leaderboard:list': { payload: (w) => ({ siteId: w.siteId, period: 'all' }), refused: MEMBER },
  'rules:get': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'rules:save': { payload: (w) => ({ siteId: w.siteId, rules: RULESET }), refused: MANAGER },
  'rules:preview': { payload: (w) => ({ siteId: w.siteId, rules: RULESET }), refused: MANAGER },
  'points:adjust': [
    { payload: (w) => ({ siteId: w.siteId, userId: w.userId, points: 50, note: 'For me', clientId: clientId() }), refused: MANAGER },
    { payload: (w) => ({ siteId: w.siteId, userId: w.b.userId, points: 50, note: 'Welcome', clientId: clientId() }), refused: CROSS_SITE },
  ],
  // A chat one may not read answers like a missing one (on their own chat a helper is told it takes a manager).
  'conversation:exclude': [
    { payload: (w) => ({ conversationId: w.conversationId, reason: 'Spam' }), refused: READER },
    { payload: (w) => ({ conversationId: w.b.conversationId, reason: 'Spam' }), refused: CROSS_SITE },
  ],
  'scored:list': { payload: (w) => ({ siteId: w.siteId }), refused: MANAGER },
  'reward:list': { payload: (w) => ({ siteId: w.siteId }), refused: MEMBER },
  'reward:save': [
    { payload: (w) => ({ siteId: w.siteId, name: 'Free jacket', description: '', cost: 1, stock: null, active: true }), refused: MANAGER },
    {
      payload: (w) => ({
        siteId: w.siteId,
        name: 'Free jacket',
        description: '',
        cost: 1,
        stock: null,
        active: true,
        translations: { fr: { name: 'Veste offerte' } },
      }),
      refused: MANAGER,
    },
  ],
  'redemption:request': { payload: (w) => ({ rewardId: w.rewardId }), refused: MEMBER },
  'redemption:list': [
    { payload: (w) => ({ siteId: w.siteId, scope: 'mine' }), refused: MEMBER },
    { payload: (w) => ({ siteId: w.siteId, scope: 'all' }), refused: [HELPER] },
  ],
  'redemption:decide': { payload: (w) => ({ redemptionId: w.redemptionId, action: 'reject', message: 'No' }), refused: MANAGER },
  // Missions.
  'mission:list': [
    { payload: (w) => ({ siteId: w.siteId, scope: 'open' }), refused: MEMBER },
    { payload: (w) => ({ siteId: w.siteId, scope: 'all' }), refused: MANAGER },
  ],
  'mission:save': {
    payload: (w) => ({
      siteId: w.siteId,
      title: 'Answer 5 chats',
      why: '',
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2027-01-01T00:00:00Z',
      scope: 'individual',
      goal: { kind: 'chats', target: 5 },
      rewardPoints: 5,
      rewardBadge: null,
    }),
    refused: MANAGER,
  },
  'mission:close': { payload: (w) => ({ missionId: w.missionId }), refused: MANAGER },
  'mission:detail': { payload: (w) => ({ missionId: w.missionId }), refused: MANAGER },
  'mission:respond': { payload: (w) => ({ missionId: w.missionId, response: 'ignore' }), refused: MEMBER },
  'evidence:submit': { payload: (w) => ({ missionId: w.missionId, text: 'Done it' }), refused: MEMBER },
  'evidence:decide': { payload: (w) => ({ evidenceId: w.evidenceId, action: 'approve' }), refused: MANAGER },
  // Events and test panels.
  'event:list': [
    { payload: (w) => ({ siteId: w.siteId, scope: 'upcoming' }), refused: MEMBER },
    { payload: (w) => ({ siteId: w.siteId, scope: 'all' }), refused: MANAGER },
  ],
  'event:save': {
    payload: (w) => ({
      siteId: w.siteId,
      eventId: w.eventId,
      kind: 'meetup',
      title: 'Taken over',
      description: '',
      startsAt: '2027-01-01T18:00:00Z',
      endsAt: '2027-01-01T20:00:00Z',
      place: 'Paris',
      link: '',
      capacity: 1,
      audience: { kind: 'everyone' },
      guide: '',
      checkIns: [],
      questions: [],
      rewardBadge: null,
    }),
    refused: MANAGER,
  },
  'event:cancel': { payload: (w) => ({ eventId: w.eventId }), refused: MANAGER },
  'event:detail': { payload: (w) => ({ eventId: w.eventId }), refused: MANAGER },
  'event:rsvp': { payload: (w) => ({ eventId: w.eventId, response: 'leave' }), refused: MEMBER },
  'event:feedback': { payload: (w) => ({ eventId: w.eventId, answers: { q1: 'no' } }), refused: MEMBER },
};

/** A command's cases as a list (none for a `self` command). */
const casesOf = (event: Command): readonly RightsCase<Command>[] => {
  const c = CASES[event];
  if ('self' in c) return [];
  return 'payload' in c ? [c as RightsCase<Command>] : (c as readonly RightsCase<Command>[]);
};

/** The same world with every id made up: what anyone gets for things that never existed. */
/** Shop-b's things made up instead, shop-a's kept: what someone of shop-a gets for things that never existed. */
const missingOnB = (w: World): World => ({ ...w, b: { conversationId: randomUUID(), visitorId: randomUUID(), postId: randomUUID(), userId: randomUUID() } });
const missing = (w: World): World => ({
  ...w,
  siteId: randomUUID(),
  conversationId: randomUUID(),
  postId: randomUUID(),
  commentId: randomUUID(),
  cannedId: randomUUID(),
  rewardId: randomUUID(),
  redemptionId: randomUUID(),
  missionId: randomUUID(),
  evidenceId: randomUUID(),
  eventId: randomUUID(),
  b: { conversationId: randomUUID(), visitorId: randomUUID(), postId: randomUUID(), userId: randomUUID() },
});

// Bookkeeping a read may write: the date an onboarding step was first seen done.
const IGNORED = { memberships: ['onboarding'] };

describe.skipIf(!hasPostgres)('every helper command refuses whoever its rights leave out, and the refusal changes nothing', () => {
  // Each refusal is sent twice (and the outsider refuses ~50 cases): more than a helper's 100 commands per 10 s when the run is quick.
  const t = usePostgresServer({ env: () => ({ RATE_LIMIT_FACTOR: '10' }) });
  let w: World;
  const sockets = {} as Record<Refused, HelperSocket>;
  // Everything Ada and her visitor hear while the refused commands run.
  const heard: string[] = [];
  let running = 'setup';

  beforeAll(async () => {
    const world = await buildRightsWorld(t.server.url);
    const { notifications } = await ok<{ notifications: { id: string }[] }>(world.ada, 'notification:list', {});
    w = { ...world, notificationIds: notifications.map((n) => n.id) };
    sockets.outsider = w.bea;
    sockets.manager = w.mo;
    sockets.holder = w.ada;
    // Ben coming online is told to Ada: let that pass before listening.
    const benOnline = next(w.ada, 'presence:changed');
    sockets.notHolder = sockets.helper = (await connectHelper(t.server.url, USERS.helperA2.email)).socket;
    await benOnline;
    w.ada.onAny((event: string) => heard.push(`Ada heard ${event} during ${running}`));
    w.visitor.onAny((event: string) => heard.push(`the visitor heard ${event}`));
  });

  it('has cases for exactly the commands the server answers', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(helperCommandSchemas).sort());
    expect(w.notificationIds.length).toBe(1); // the points a manager gave Ada
  });

  it('refuses each case with its code, answers "not found" exactly as for a missing thing, and leaves every table as it was', async () => {
    const wrong: string[] = [];
    let count = 0;
    for (const event of Object.keys(CASES) as Command[]) {
      for (const c of casesOf(event)) {
        for (const { who, code } of c.refused) {
          count++;
          const socket = sockets[who];
          const label = `${event} as ${who}`;
          running = label;
          const before = await fingerprint(t.databaseUrl, IGNORED);
          const r: AckResult<unknown> = await send(socket, event, c.payload(w));
          const after = await fingerprint(t.databaseUrl, IGNORED);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length) wrong.push(`${label} changed ${changed.join(', ')}`);
          if (code === 'ignored') {
            if (!r.ok) wrong.push(`${label}: ${r.error.code}, expected an answer`);
            continue;
          }
          if (r.ok || r.error.code !== code) wrong.push(`${label}: ${r.ok ? 'ok' : r.error.code}, expected ${code}`);
          if (code === 'not_found') {
            const ghost = who === 'manager' || who === 'holder' ? missingOnB(w) : missing(w);
            const forMissing = await send(socket, event, c.payload(ghost));
            if (JSON.stringify(forMissing) !== JSON.stringify(r))
              wrong.push(`${label}: ${JSON.stringify(r)} but ${JSON.stringify(forMissing)} for a missing one`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // A floor, so a table that lost its cases cannot pass by checking nothing.
    expect(count).toBe(111);
  });

  it('lets nothing of the refused commands reach the chat, its helper or its visitor', async () => {
    // A marker each: everything sent before it on the same socket has arrived once it does.
    running = 'the markers';
    const typing = next(w.visitor, 'typing:updated');
    await ok(w.ada, 'typing:set', { conversationId: w.conversationId, typing: false });
    await typing;
    const posted = next(w.ada, 'feed:created');
    await ok(sockets.helper, 'feed:post', { siteId: w.siteId, clientId: clientId(), text: 'Marker' });
    await posted;
    expect(heard).toEqual(['the visitor heard typing:updated', 'Ada heard feed:created during the markers']);
    const { notifications, unread } = await ok<{ notifications: Notification[]; unread: number }>(w.ada, 'notification:list', {});
    expect([notifications.map((n) => [n.kind, n.read]), unread]).toEqual([[['points', false]], 1]);
  });

  it('refuses a helper socket without a session at the handshake', async () => {
    const socket = io(`${t.server.url}/helper`, {
      transports: ['websocket'],
      extraHeaders: { origin: new URL(t.server.url).origin },
      auth: { protocolVersion: PROTOCOL_VERSION },
      reconnection: false,
      forceNew: true,
    });
    const err = await refusal(socket);
    expect(err.data?.code).toBe('unauthorized');
  });
});
