import type { FastifyBaseLogger } from 'fastify';
import { hasRole } from '@tribu/domain';
import { ErrorCode, SESSION_COOKIE, helperCommandSchemas, type ConversationWithMessages, type HelperClientEvents } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { isSameOrigin } from '../lib/origin.ts';
import type { Limiter } from '../lib/rate-limiter.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { ConversationService } from '../modules/conversations/conversation.service.ts';
import type { PresenceService } from '../modules/presence/presence.service.ts';
import { communityCommands } from '../modules/community/community.socket.ts';
import type { ProfileService } from '../modules/community/profile.service.ts';
import { deskCommands } from '../modules/desk/desk.socket.ts';
import type { DeskService } from '../modules/desk/desk.service.ts';
import { feedCommands } from '../modules/feed/feed.socket.ts';
import { gamificationCommands } from '../modules/gamification/gamification.socket.ts';
import type { GamificationService } from '../modules/gamification/gamification.service.ts';
import type { RewardsService } from '../modules/gamification/rewards.service.ts';
import type { RulesService } from '../modules/gamification/rules.service.ts';
import type { FeedService } from '../modules/feed/feed.service.ts';
import type { NotificationService } from '../modules/notifications/notification.service.ts';
import type { WordScreen } from '../modules/moderation/word-screen.ts';
import { registerCommands } from './commands.ts';
import { checkProtocolVersion, clientAddress, originOf, toHandshakeError } from './handshake.ts';
import { dropRoleLocally, restoreRoleLocally, rooms, type HelperNamespace } from './io.ts';

export interface HelperNamespaceDeps {
  conversations: ConversationService;
  presence: PresenceService;
  feed: FeedService;
  desk: DeskService;
  profiles: ProfileService;
  notifications: NotificationService;
  gamification: GamificationService;
  rules: RulesService;
  rewards: RewardsService;
  /** Moderation's blocked words, masked in what helpers read of visitors. */
  screen: WordScreen;
  /** How long a helper who lost every connection still counts as online (a reload is not leaving). */
  presenceGraceMs: number;
  auth: AuthService;
  parseCookie: (header: string) => Record<string, string | undefined>;
  limiters: { events: Limiter; connections: Limiter };
  log: FastifyBaseLogger;
  /** Behind a load balancer: the client address is the last X-Forwarded-For entry (the balancer's). */
  trustProxy?: boolean;
  /** Tribu's public address: a page on the same host with another scheme is not ours. */
  publicUrl?: string;
}

/** `/helper`: the backoffice. Authenticated by the session cookie; only from Tribu's own origin. */
export function setupHelperNamespace(ns: HelperNamespace, deps: HelperNamespaceDeps): void {
  ns.use(async (socket, next) => {
    try {
      checkProtocolVersion(socket);
      await deps.limiters.connections.consume(`ip:${clientAddress(socket, deps.trustProxy === true)}`);
      const { origin, host } = originOf(socket);
      // Blocks cross-site WebSocket hijacking: the cookie alone must not be enough.
      if (!isSameOrigin(origin, host, deps.publicUrl)) throw new AppError(ErrorCode.originNotAllowed, 'Foreign origin');
      const cookie = deps.parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const session = await deps.auth.fromCookie(cookie);
      if (!session) throw new AppError(ErrorCode.unauthorized, 'Sign in first');
      socket.data = session.actor;
      next();
    } catch (e) {
      next(toHandshakeError(e));
    }
  });

  // Another node says a suspended member was reinstated: their tabs here act for the site again.
  ns.on('membership:restored', (userId, siteId, role) => {
    restoreRoleLocally(ns, userId, siteId, role).catch((err: unknown) => deps.log.warn({ err }, 'could not restore a role'));
  });
  // Another node says someone left a site: their tabs here stop acting for it.
  ns.on('membership:left', (userId, siteId) => {
    dropRoleLocally(ns, userId, siteId).catch((err: unknown) => deps.log.warn({ err }, 'could not drop a role'));
  });

  ns.on('connection', async (socket) => {
    const h = socket.data;
    const c = deps.conversations;
    const screen = deps.screen;
    // Helpers read visitors' blocked words masked (managers read them as written in the moderation queue).
    const masked = async ({ conversation, messages }: ConversationWithMessages): Promise<ConversationWithMessages> => ({
      conversation: await screen.conversation(conversation),
      messages: await screen.messages(conversation.siteId, messages),
    });
    const desk = deskCommands({ actor: h, socket }, deps.desk);
    registerCommands<HelperClientEvents, typeof helperCommandSchemas>(
      socket,
      helperCommandSchemas,
      {
        'queue:list': async (p) => ({ items: await Promise.all((await c.queue(h, p.siteId)).map((i) => screen.item(i))) }),
        'conversation:list': async (p) => {
          const conversations = await Promise.all((await c.listMine(h, p.siteId)).map((x) => screen.conversation(x)));
          await socket.join(conversations.map((x) => rooms.conversation(x.id)));
          return { conversations };
        },
        'conversation:claim': async (p) => {
          const result = await c.claim(h, p.conversationId);
          await socket.join(rooms.conversation(p.conversationId));
          return masked(result);
        },
        'conversation:fetch': async (p) => {
          const result = await c.fetchForHelper(h, p.conversationId);
          await socket.join(rooms.conversation(p.conversationId));
          return masked(result);
        },
        'message:send': async (p) => ({ message: await c.send(h, p) }),
        'message:sync': async (p) => ({ messages: await Promise.all((await c.syncMessages(h, p.conversationId, p.afterSeq)).map((m) => screen.messageNow(m))) }),
        'conversation:end': async (p) => ({ conversation: await c.end(h, p.conversationId) }),
        'conversation:release': async (p) => ({ conversation: await c.release(h, p.conversationId) }),
        'typing:set': async (p) => {
          await c.typing(h, p.conversationId, p.typing);
          return {};
        },
        'read:update': async (p) => {
          await c.markRead(h, p.conversationId, p.seq);
          return {};
        },
        'presence:list': async (p) => {
          if (!h.roles[p.siteId]) throw new AppError(ErrorCode.notFound, 'Site not found');
          return { peers: await deps.presence.list(p.siteId) };
        },
        'presence:set': async (p) => {
          await deps.presence.set(h.userId, Object.keys(h.roles), p.status);
          return {};
        },
        ...feedCommands({ actor: h, socket }, deps.feed),
        ...desk,
        // A visitor's earlier chats are visitor text too: their questions are read masked like the chat's.
        'conversation:details': async (p) => {
          const details = await desk['conversation:details'](p);
          return { ...details, earlier: await Promise.all(details.earlier.map((x) => screen.conversation(x))) };
        },
        // An accepted hand-off brings the whole chat to the new helper: visitors' blocked words masked.
        'handoff:answer': async (p) => masked(await desk['handoff:answer'](p)),
        ...communityCommands({ actor: h, socket }, deps.profiles, deps.notifications),
        ...gamificationCommands({ actor: h, socket }, deps.gamification, deps.rules, deps.rewards),
      },
      { log: deps.log, limiter: deps.limiters.events, limitKey: `u:${h.userId}` },
    );
    const joins = [
      rooms.user(h.userId),
      ...Object.keys(h.roles).map(rooms.siteHelpers),
      ...Object.entries(h.roles)
        .filter(([, role]) => hasRole(role, 'moderator'))
        .map(([siteId]) => rooms.siteManagers(siteId)),
    ];
    try {
      for (const siteId of Object.keys(h.roles)) {
        for (const conv of await c.listMine(h, siteId)) joins.push(rooms.conversation(conv.id));
      }
    } catch (e) {
      deps.log.warn({ err: e }, 'could not restore helper rooms');
    }
    await socket.join(joins);
    const announce = () => {
      for (const siteId of Object.keys(h.roles)) ns.to(rooms.siteHelpers(siteId)).emit('presence:changed', { siteId });
    };
    announce();
    socket.on('disconnect', () => {
      // Only when the helper's last tab stays gone past the grace period do peers see them leave.
      setTimeout(() => {
        ns.in(rooms.user(h.userId))
          .fetchSockets()
          .then((left) => left.length === 0 && announce())
          .catch((err: unknown) => deps.log.warn({ err }, 'presence check failed'));
      }, deps.presenceGraceMs).unref();
    });
  });
}

/** Distinct helpers connected to a site, across all nodes (any tab counts once). */
export async function helpersOnline(ns: HelperNamespace, siteId: string): Promise<{ userId: string; displayName: string }[]> {
  const sockets = await ns.in(rooms.siteHelpers(siteId)).fetchSockets();
  const byId = new Map(sockets.map((s) => [s.data.userId, { userId: s.data.userId, displayName: s.data.displayName }]));
  return [...byId.values()];
}
