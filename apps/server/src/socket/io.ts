import type { FastifyInstance } from 'fastify';
import { Server, type Namespace, type Socket } from 'socket.io';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import type { Conversation, HelperClientEvents, Message, HelperServerEvents, VisitorClientEvents, VisitorServerEvents } from '@tribu/protocol';
import { LIMITS } from '@tribu/protocol';
import type { Locale } from '../i18n/locale.ts';
import type { RedisHandles } from '../plugins/redis.ts';
import { connectionBudget, type ConnectionLimits } from './connection-budget.ts';
import type { HelperActor, VisitorActor } from '../modules/actors.ts';
import { forVisitor } from '../modules/conversations/conversation.mapper.ts';
import type { ConversationEvents } from '../modules/conversations/conversation.events.ts';

export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorActor>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, Record<string, never>, VisitorActor>;
/** What one node tells the others (Socket.IO `serverSideEmit`, through the adapter). */
export interface HelperInterServerEvents {
  /** A person's rights changed: every node re-reads them for that person's tabs, then acknowledges. */
  'rights:changed': (userId: string, done: (ok: true) => void) => void;
  /** Sessions ended: every node closes their tabs, then acknowledges. */
  'sessions:ended': (sessionIds: string[], done: (ok: true) => void) => void;
  /** A site's settings, bans or blocked words changed: other nodes drop their cached copy now. */
  'site:changed': (siteId: string) => void;
}

/** A helper socket's own state: who, with which rights now, and the session they came with. */
export interface HelperSocketData extends HelperActor {
  /** The session's stored id (hash of the cookie): every command re-checks it is still alive. */
  sessionId: string;
  /** When the session expires (ms since epoch): the socket is closed then, commands refused after. */
  expiresAt: number;
  /** Bumped whenever the rights above change (a command that joined a room meanwhile reconciles again). */
  rev: number;
  /** The language the person chose in their profile (null: their browser's); kept current with the session. */
  locale: Locale | null;
}
export type HelperNamespace = Namespace<HelperClientEvents, HelperServerEvents, HelperInterServerEvents, HelperSocketData>;
export type HelperSocket = Socket<HelperClientEvents, HelperServerEvents, HelperInterServerEvents, HelperSocketData>;

export const rooms = {
  visitor: (id: string) => `visitor:${id}`,
  user: (id: string) => `user:${id}`,
  /** Every socket opened with one sign-in session: closed together when it ends. */
  session: (id: string) => `session:${id}`,
  siteHelpers: (siteId: string) => `site:${siteId}:helpers`,
  /** Moderators and admins of a site (staff queue, redemptions to decide). */
  siteManagers: (siteId: string) => `site:${siteId}:managers`,
  conversation: (id: string) => `conversation:${id}`,
};

/** Socket.IO on Fastify's HTTP server; with Redis, the adapter carries each broadcast to the nodes that deliver it. */
export function createIo(app: FastifyInstance, redis: RedisHandles | undefined, limits: ConnectionLimits & { REDIS_ADAPTER?: 'classic' | 'sharded' }) {
  // Every connection is counted and may be refused before any namespace (connection-budget.ts).
  const budget = connectionBudget(limits, redis, app.log);
  const io = new Server(app.server, {
    ...budget.options,
    maxHttpBufferSize: LIMITS.maxFrameBytes,
    serveClient: false,
    // Origins are checked per namespace (site allow-list for visitors, same origin for helpers).
    cors: { origin: true, credentials: true },
    // No connection-state recovery: every reconnect is a new connection through the handshake checks
    // (session, origin, ban), and the clients catch up from Postgres on every connect (messages by seq,
    // chats, queue). Recovery kept every broadcast in memory for two minutes (~110 MB at 3,000 msg/s)
    // and the Redis adapter of several nodes never offered it: one behaviour for one node and many.
  });
  if (redis) {
    io.adapter(
      limits.REDIS_ADAPTER === 'sharded'
        ? // Each node subscribes to the channels of the rooms it holds sockets in (and leaves them when the last goes).
          createShardedAdapter(redis.pub, redis.sub, { channelPrefix: `${redis.prefix}:sio`, subscriptionMode: 'dynamic' })
        : createAdapter(redis.pub, redis.sub, { key: `${redis.prefix}:sio` }),
    );
  }
  io.engine.on('connection_error', (err: { code: number; message: string }) => {
    app.log.debug({ code: err.code, message: err.message }, 'engine.io connection refused');
  });
  const visitors = io.of('/visitor') as unknown as VisitorNamespace;
  const helpers = io.of('/helper') as unknown as HelperNamespace;
  budget.watch(io, [visitors, helpers]);
  return { io, visitors, helpers };
}

/** What helpers may see of visitors' words (moderation's blocked words masked); at once when possible. */
export interface HelperMask {
  conversationNow<T extends Pick<Conversation, 'siteId' | 'question'>>(c: T): T | Promise<T>;
  messageNow(m: Message): Message | Promise<Message>;
}
const unmasked: HelperMask = { conversationNow: (c) => c, messageNow: (m) => m };

/** Emits at once, or when the masked copy is ready (never the raw text instead). */
function whenReady<T>(value: T | Promise<T>, emit: (v: T) => void): void {
  if (value instanceof Promise) void value.then(emit, () => undefined);
  else emit(value);
}

/** The visitor's own message as they wrote it, without moderation's marker. */
export const forVisitorMessage = ({ flagged: _flagged, ...m }: Message): Message => m;

/** Fans service events out to rooms; through the adapter this reaches sockets on every node. */
export function socketEvents(visitors: VisitorNamespace, helpers: HelperNamespace, publicUrl: string, mask: HelperMask = unmasked): ConversationEvents {
  return {
    queueAdded: (item) => whenReady(mask.conversationNow(item), (i) => helpers.to(rooms.siteHelpers(item.siteId)).emit('queue:added', i)),
    queueRemoved: (siteId, conversationId) => helpers.to(rooms.siteHelpers(siteId)).emit('queue:removed', { conversationId }),
    messageCreated: (visitorId, message) => {
      visitors.to(rooms.visitor(visitorId)).emit('message:created', forVisitorMessage(message));
      whenReady(mask.messageNow(message), (m) => helpers.to(rooms.conversation(message.conversationId)).emit('message:created', m));
    },
    conversationUpdated: (visitorId, conversation) => {
      visitors.to(rooms.visitor(visitorId)).emit('conversation:updated', forVisitor(conversation, publicUrl));
      whenReady(mask.conversationNow(conversation), (c) => helpers.to(rooms.conversation(conversation.id)).emit('conversation:updated', c));
    },
    pageViewed: (payload) => helpers.to(rooms.conversation(payload.conversationId)).emit('page:viewed', payload),
    typingUpdated: (visitorId, payload) => {
      if (payload.author === 'helper') visitors.to(rooms.visitor(visitorId)).emit('typing:updated', payload);
      else helpers.to(rooms.conversation(payload.conversationId)).emit('typing:updated', payload);
    },
    readUpdated: (visitorId, payload) => {
      if (payload.author === 'helper') visitors.to(rooms.visitor(visitorId)).emit('read:updated', payload);
      else helpers.to(rooms.conversation(payload.conversationId)).emit('read:updated', payload);
    },
    queuePosition: (visitorId, payload) => visitors.to(rooms.visitor(visitorId)).emit('queue:position', payload),
    // The helper already heard `conversation:updated` in the conversation's room; now they leave it.
    helperReleased: (userId, conversation) => helpers.in(rooms.user(userId)).socketsLeave(rooms.conversation(conversation.id)),
    handoffWithdrawn: (userId, conversationId) => helpers.to(rooms.user(userId)).emit('handoff:answered', { conversationId, accepted: false, by: '' }),
    helperJoined: (userId, conversationId) => helpers.in(rooms.user(userId)).socketsJoin(rooms.conversation(conversationId)),
  };
}
