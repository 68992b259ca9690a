/**
 * The baseline: bare Socket.IO 4 doing what Tribu does on the wire — the same namespaces, events,
 * rooms and acks, an HMAC token checked at the handshake — with nothing else: no validation, no
 * authorisation beyond the token, no database. Run as its own process so its RSS is its own.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { bareToken } from './bare-token.ts';

const port = Number(process.env.PORT);
const secret = process.env.SECRET ?? '';
if (!port || !secret) throw new Error('PORT and SECRET are required');

function genuine(id: unknown, token: unknown): boolean {
  if (typeof id !== 'string' || typeof token !== 'string') return false;
  const want = Buffer.from(bareToken(secret, id));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

const http = createServer((req, res) => {
  res.writeHead(req.url === '/readyz' ? 200 : 404).end();
});
const io = new Server(http, { serveClient: false, cors: { origin: true } });
const visitors = io.of('/visitor');
const helpers = io.of('/helper');
type Ack = (r: unknown) => void;
/** conversation id → visitor id, and who claimed it. */
const conversations = new Map<string, { visitorId: string; seq: number; helperId: string | null }>();

visitors.use((socket, next) => {
  const a = socket.handshake.auth as { visitorId?: unknown; token?: unknown };
  if (!genuine(a.visitorId, a.token)) return next(new Error('unauthorized'));
  socket.data.visitorId = a.visitorId;
  next();
});
helpers.use((socket, next) => {
  const a = socket.handshake.auth as { userId?: unknown; token?: unknown };
  if (!genuine(a.userId, a.token)) return next(new Error('unauthorized'));
  socket.data.userId = a.userId;
  next();
});

const relay = (conversationId: string, event: 'message:created' | 'typing:updated', payload: unknown) => {
  const c = conversations.get(conversationId);
  if (!c) return;
  visitors.to(`visitor:${c.visitorId}`).emit(event, payload);
  helpers.to(`conversation:${conversationId}`).emit(event, payload);
};

visitors.on('connection', (socket) => {
  const visitorId = socket.data.visitorId as string;
  void socket.join(`visitor:${visitorId}`);
  socket.on('conversation:start', (p: { clientId: string; text: string }, ack: Ack) => {
    const id = randomUUID();
    conversations.set(id, { visitorId, seq: 1, helperId: null });
    const message = { conversationId: id, seq: 1, clientId: p.clientId, author: 'visitor', text: p.text };
    helpers.to('helpers').emit('queue:added', { conversationId: id });
    ack({ ok: true, data: { conversation: { id, status: 'waiting' }, message } });
  });
  socket.on('message:send', (p: { conversationId: string; clientId: string; text: string }, ack: Ack) => {
    const c = conversations.get(p.conversationId);
    if (!c) return ack({ ok: false, error: { code: 'not_found', message: 'no such conversation' } });
    const message = { conversationId: p.conversationId, seq: ++c.seq, clientId: p.clientId, author: 'visitor', text: p.text };
    relay(p.conversationId, 'message:created', message);
    ack({ ok: true, data: { message } });
  });
  socket.on('typing:set', (p: { conversationId: string; typing: boolean }, ack: Ack) => {
    const c = conversations.get(p.conversationId);
    if (c) helpers.to(`conversation:${p.conversationId}`).emit('typing:updated', { ...p, author: 'visitor' });
    ack({ ok: true, data: {} });
  });
});

helpers.on('connection', (socket) => {
  const userId = socket.data.userId as string;
  void socket.join(['helpers', `user:${userId}`]);
  socket.on('conversation:claim', (p: { conversationId: string }, ack: Ack) => {
    const c = conversations.get(p.conversationId);
    if (!c) return ack({ ok: false, error: { code: 'not_found', message: 'no such conversation' } });
    if (c.helperId) return ack({ ok: false, error: { code: 'already_claimed', message: 'taken' } });
    c.helperId = userId;
    void socket.join(`conversation:${p.conversationId}`);
    helpers.to('helpers').emit('queue:removed', { conversationId: p.conversationId });
    ack({ ok: true, data: { conversation: { id: p.conversationId, status: 'active' }, messages: [] } });
  });
  socket.on('message:send', (p: { conversationId: string; clientId: string; text: string }, ack: Ack) => {
    const c = conversations.get(p.conversationId);
    if (!c || c.helperId !== userId) return ack({ ok: false, error: { code: 'forbidden', message: 'not yours' } });
    const message = { conversationId: p.conversationId, seq: ++c.seq, clientId: p.clientId, author: 'helper', text: p.text };
    relay(p.conversationId, 'message:created', message);
    ack({ ok: true, data: { message } });
  });
  socket.on('typing:set', (p: { conversationId: string; typing: boolean }, ack: Ack) => {
    const c = conversations.get(p.conversationId);
    if (c) visitors.to(`visitor:${c.visitorId}`).emit('typing:updated', { ...p, author: 'helper' });
    ack({ ok: true, data: {} });
  });
  socket.on('presence:set', (_p: unknown, ack: Ack) => {
    helpers.to('helpers').emit('presence:changed', { siteId: 'bare' });
    ack({ ok: true, data: {} });
  });
});

http.listen(port, '127.0.0.1');
const stop = () => {
  void io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
