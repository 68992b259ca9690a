import type { FastifyBaseLogger } from 'fastify';
import { ErrorCode, SESSION_COOKIE, helperCommandSchemas, type ConversationWithMessages, type HelperClientEvents } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { acceptedLocales } from '../lib/accept-language.ts';
import { isSameOrigin } from '../lib/origin.ts';
import type { Limiter } from '../lib/rate-limiter.ts';
import { memberSites, requireMember } from '../modules/access.ts';
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
import { missionCommands } from '../modules/missions/missions.socket.ts';
import type { MissionsService } from '../modules/missions/missions.service.ts';
import { eventCommands } from '../modules/community-events/events.socket.ts';
import type { EventsService } from '../modules/community-events/events.service.ts';
import type { FeedService } from '../modules/feed/feed.service.ts';
import type { NotificationService } from '../modules/notifications/notification.service.ts';
import type { WordScreen } from '../modules/moderation/word-screen.ts';
import { commandListener } from './commands.ts';
import { checkProtocolVersion, clientAddress, originOf, toHandshakeError } from './handshake.ts';
import { HelperRights } from './helper-rights.ts';
import { rooms, type HelperNamespace } from './io.ts';

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
  missions: MissionsService;
  events: EventsService;
  /** Moderation's blocked words, masked in what helpers read of visitors. */
  screen: WordScreen;
  /** How long a helper who lost every connection still counts as online (a reload is not leaving). */
  presenceGraceMs: number;
  auth: AuthService;
  /** Re-checks each command's session and rights; keeps each socket in the rooms its rights allow. */
  rights: HelperRights;
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
      socket.data = { ...HelperRights.dataOf(session), accepts: acceptedLocales(socket.handshake.headers['accept-language']) };
      next();
    } catch (e) {
      next(toHandshakeError(e, socket));
    }
  });

  ns.on('connection', async (socket) => {
    const rights = deps.rights;
    // The same object for the socket's life: `current` updates its rights in place before each command.
    const h = socket.data;
    // At once, so a rights change or a sign-out during the set-up below already finds this socket.
    void socket.join([rooms.user(h.userId), rooms.session(h.sessionId)]);
    /** Joins conversation rooms; rights changed while the command ran are applied to the join too. */
    const join = async (rev: number, ids: string[]) => {
      await socket.join(ids.map(rooms.conversation));
      await rights.joined(socket, rev);
    };
    const c = deps.conversations;
    const screen = deps.screen;
    // Helpers read visitors' blocked words masked (managers read them as written in the moderation queue).
    const masked = async ({ conversation, messages }: ConversationWithMessages): Promise<ConversationWithMessages> => ({
      conversation: await screen.conversation(conversation),
      messages: await screen.messages(conversation.siteId, messages),
    });
    const desk = deskCommands({ actor: h }, deps.desk);
    // A helper's handlers close over their socket's state (few sockets, many commands): one listener per socket.
    socket.onAny(
      commandListener<HelperClientEvents, typeof helperCommandSchemas>(
        helperCommandSchemas,
        {
          'queue:list': async (p) => ({ items: await Promise.all((await c.queue(h, p.siteId)).map((i) => screen.item(i))) }),
          'conversation:list': async (p) => {
            const rev = h.rev;
            const conversations = await Promise.all((await c.listMine(h, p.siteId)).map((x) => screen.conversation(x)));
            await join(
              rev,
              conversations.map((x) => x.id),
            );
            return { conversations };
          },
          'conversation:claim': async (p) => {
            const rev = h.rev;
            const result = await c.claim(h, p.conversationId);
            await join(rev, [p.conversationId]);
            return masked(result);
          },
          'conversation:fetch': async (p) => {
            const rev = h.rev;
            const result = await c.fetchForHelper(h, p.conversationId);
            await join(rev, [p.conversationId]);
            return masked(result);
          },
          'message:send': async (p) => ({ message: await c.send(h, p) }),
          'message:sync': async (p) => ({
            messages: await Promise.all((await c.syncMessages(h, p.conversationId, p.afterSeq)).map((m) => screen.messageNow(m))),
          }),
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
            requireMember(h, p.siteId);
            return { peers: await deps.presence.list(p.siteId) };
          },
          'presence:set': async (p) => {
            await deps.presence.set(h.userId, memberSites(h), p.status);
            return {};
          },
          ...feedCommands({ actor: h }, deps.feed),
          ...desk,
          // A visitor's earlier chats are visitor text too: their questions are read masked like the chat's.
          'conversation:details': async (p) => {
            const details = await desk['conversation:details'](p);
            return { ...details, earlier: await Promise.all(details.earlier.map((x) => screen.conversation(x))) };
          },
          // An accepted hand-off brings the whole chat to the new helper: visitors' blocked words masked.
          'handoff:answer': async (p) => masked(await desk['handoff:answer'](p)),
          ...communityCommands({ actor: h }, deps.profiles, deps.notifications),
          ...gamificationCommands({ actor: h }, deps.gamification, deps.rules, deps.rewards),
          ...missionCommands({ actor: h }, deps.missions),
          ...eventCommands({ actor: h }, deps.events),
        },
        // Every command first re-checks the session (ended or expired: `unauthorized`, socket closed) and takes current rights.
        {
          log: deps.log,
          limiter: deps.limiters.events,
          limitKey: () => `u:${h.userId}`,
          before: () => rights.current(socket),
          locale: () => resolveLocale({ choice: h.locale, acceptLanguage: socket.handshake.headers['accept-language'] }),
        },
      ),
    );
    const rev = h.rev;
    const mine: string[] = [];
    try {
      for (const siteId of memberSites(h)) {
        for (const conv of await c.listMine(h, siteId)) mine.push(conv.id);
      }
    } catch (e) {
      deps.log.warn({ err: e }, 'could not restore helper rooms');
    }
    await socket.join(mine.map(rooms.conversation));
    // User, session and site rooms; a resumed connection's restored rooms are checked against current rights.
    try {
      await rights.attach(socket);
      await rights.joined(socket, rev);
    } catch (e) {
      deps.log.warn({ err: e }, 'could not check helper rooms; closing the socket');
      socket.disconnect(true);
      return;
    }
    const announce = () => {
      for (const siteId of memberSites(h)) ns.to(rooms.siteHelpers(siteId)).emit('presence:changed', { siteId });
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
