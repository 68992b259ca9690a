import type { FastifyBaseLogger } from 'fastify';
import { VisitorHandshakeSchema, visitorCommandSchemas, type Message, type VisitorClientEvents, ErrorCode } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import type { Limiter } from '../lib/rate-limiter.ts';
import type { ConversationService } from '../modules/conversations/conversation.service.ts';
import type { QueuePositions } from '../modules/conversations/queue-positions.ts';
import type { VisitorService } from '../modules/visitors/visitor.service.ts';
import type { VisitorGate } from '../modules/moderation/moderation.ts';
import { forVisitor } from '../modules/conversations/conversation.mapper.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { commandListener } from './commands.ts';
import { checkProtocolVersion, clientAddress, originOf, toHandshakeError } from './handshake.ts';
import { forVisitorMessage, rooms, type VisitorNamespace, type VisitorSocket } from './io.ts';

export interface VisitorNamespaceDeps {
  conversations: ConversationService;
  positions: QueuePositions;
  visitors: VisitorService;
  limiters: { events: Limiter; connections: Limiter };
  log: FastifyBaseLogger;
  /** Behind a load balancer: the client address is the last X-Forwarded-For entry (the balancer's). */
  trustProxy?: boolean;
  /** Tribu's own address, for the absolute photo URLs the widget needs. */
  publicUrl: string;
  /** Moderation: banned visitors are refused at the handshake and at a start; a start keeps the address hash. */
  gate: VisitorGate;
  /** The thank-you wall: a consented 4–5★ comment becomes a card on the helper's profile. */
  thanks?: { rated(conversationId: string, consent: boolean | undefined): Promise<void> };
}

/** `/visitor`: the widget. Authenticated by site key + origin + visitor token at the handshake. */
export function setupVisitorNamespace(ns: VisitorNamespace, deps: VisitorNamespaceDeps): void {
  ns.use(async (socket, next) => {
    try {
      checkProtocolVersion(socket);
      await deps.limiters.connections.consume(`ip:${clientAddress(socket, deps.trustProxy === true)}`);
      const auth = VisitorHandshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) throw new AppError(ErrorCode.unauthorized, 'Missing or malformed visitor credentials');
      const visitor = await deps.visitors.verify(auth.data, originOf(socket));
      // Erased or banned: one database read.
      await deps.gate.refuse(visitor, deps.gate.addressOf(socket));
      socket.data = visitor;
      next();
    } catch (e) {
      next(toHandshakeError(e, socket));
    }
  });

  // One listener for every visitor socket: a handler takes who it acts for from its socket.
  const c = deps.conversations;
  // The visitor reads their own words as written: moderation's marker is for helpers.
  const own = (list: Message[]) => list.map(forVisitorMessage);
  const listener = commandListener<VisitorClientEvents, typeof visitorCommandSchemas, VisitorSocket>(
    visitorCommandSchemas,
    {
      'conversation:fetch': async (_p, { data: v }) => {
        const result = await c.fetchForVisitor(v);
        if (result.conversation?.status === 'waiting') deps.positions.moved(v.siteId);
        return { messages: own(result.messages), conversation: result.conversation && forVisitor(result.conversation, deps.publicUrl) };
      },
      'conversation:start': async (p, socket) => {
        const v = socket.data;
        const ipHash = deps.gate.addressOf(socket);
        await deps.gate.refuse(v, ipHash);
        const result = await c.start(v, p);
        if (result.message.seq === 1) await deps.gate.started(result.conversation, result.message, ipHash);
        return { message: forVisitorMessage(result.message), conversation: forVisitor(result.conversation, deps.publicUrl) };
      },
      'message:send': async (p, { data: v }) => ({ message: forVisitorMessage(await c.send(v, p)) }),
      'message:sync': async (p, { data: v }) => ({ messages: own(await c.syncMessages(v, p.conversationId, p.afterSeq)) }),
      'page:view': async (p, { data: v }) => {
        await c.recordPage(v, p.conversationId, p.page);
        return {};
      },
      'conversation:end': async (p, { data: v }) => ({ conversation: forVisitor(await c.end(v, p.conversationId), deps.publicUrl) }),
      'conversation:rate': async (p, { data: v }) => {
        const conversation = await c.rate(v, p);
        await deps.thanks?.rated(p.conversationId, p.thank);
        return { conversation: forVisitor(conversation, deps.publicUrl) };
      },
      'conversation:history': async (_p, { data: v }) => ({ conversations: (await c.history(v)).map((x) => forVisitor(x, deps.publicUrl)) }),
      'typing:set': async (p, { data: v }) => {
        await c.typing(v, p.conversationId, p.typing);
        return {};
      },
      'read:update': async (p, { data: v }) => {
        await c.markRead(v, p.conversationId, p.seq);
        return {};
      },
    },
    // Visitors read errors in their browser's language (the widget's own words follow it too).
    {
      log: deps.log,
      limiter: deps.limiters.events,
      limitKey: (socket) => `v:${socket.data.visitorId}`,
      locale: (socket) => resolveLocale({ acceptLanguage: socket.handshake.headers['accept-language'] }),
    },
  );

  ns.on('connection', (socket) => {
    void socket.join(rooms.visitor(socket.data.visitorId));
    socket.onAny(listener);
  });
}
